//! The feed on SQLite. With `from`, one scan per width class (an event of class k lasts at most
//! 2^k days, so the events overlapping `from` start at most that before it); with countries,
//! a walk of the rarest country's posting list (`event_countries`, kept by triggers).

use chrono::Duration;
use sqlx::{QueryBuilder, Sqlite};
use tracing::instrument;

use super::super::rows::{self, ENTRY_COLUMNS, EntryRow};
use super::super::timeline::Evidence;
use super::super::{Filter, Key, Order, TimelineEntry};
use super::documents::fts_query;
use super::{Db, Result, codes};

/// Which events a scan reads when `from` bounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Widths {
    /// Every event, from 2^(widest class) days before `from`.
    All,
    /// The events of width class k (at most 2^k days long), from 2^k days before `from`.
    Class(i64),
}

impl Db {
    /// [`Store::feed`] with the reports `evidence` asks for.
    #[instrument(skip_all)]
    pub(crate) async fn feed_with(
        &self,
        filter: &Filter,
        order: Order,
        after: Option<Key>,
        limit: i64,
        evidence: Evidence,
    ) -> Result<Vec<TimelineEntry>> {
        // With `from`, one scan per width class, each starting 2^k days before `from` on
        // `events_by_class`: a bound by the longest event would start a century early.
        let widest = match filter.from {
            Some(_) => self.widest_class().await?,
            None => 0,
        };
        let scans: Vec<Widths> = match filter.from {
            Some(_) => (0..=widest).map(Widths::Class).collect(),
            None => vec![Widths::All],
        };
        let mut q = QueryBuilder::new("");
        match filter.countries.as_slice() {
            [] => {
                self.push_scans(&mut q, filter, order, after, limit, &scans)
                    .await?
            }
            countries => {
                let country = self.rarest_country(countries).await?;
                let walk = Walk {
                    country: &country,
                    widest,
                };
                self.push_walk(&mut q, &walk, filter, order, after, limit, &scans)
                    .await?
            }
        }
        let rows: Vec<EntryRow> = q.build_query_as().fetch_all(&self.pool).await?;
        let mut entries = rows::entries(rows)?;
        self.fill_entries(&mut entries, evidence).await?;
        Ok(entries)
    }

    /// The feed's query over `events ev`: one scan for each of `scans`, merged in order.
    async fn push_scans(
        &self,
        q: &mut QueryBuilder<'_, Sqlite>,
        filter: &Filter,
        order: Order,
        after: Option<Key>,
        limit: i64,
        scans: &[Widths],
    ) -> Result<()> {
        for (i, &widths) in scans.iter().enumerate() {
            if i > 0 {
                q.push(" union all ");
            }
            q.push(format_args!(
                "select * from (select {ENTRY_COLUMNS} from events ev where "
            ));
            self.push_filter(q, filter, widths).await?;
            if let Some(k) = after {
                push_after(q, "ev", order, k);
            }
            push_order(q, "ev", order);
            q.push_bind(limit).push(")");
        }
        push_order(q, "", order);
        q.push_bind(limit);
        Ok(())
    }

    /// The feed's query when countries are asked for: each scan walks the posting list of
    /// `walk.country` (`event_countries c`, in timeline order) and looks the other countries
    /// up in its index by event. When the filter holds nothing but the period and the
    /// countries, the scans read the index alone and only the page's events are read.
    #[allow(clippy::too_many_arguments)]
    async fn push_walk(
        &self,
        q: &mut QueryBuilder<'_, Sqlite>,
        walk: &Walk<'_>,
        filter: &Filter,
        order: Order,
        after: Option<Key>,
        limit: i64,
        scans: &[Widths],
    ) -> Result<()> {
        let covered = *filter
            == Filter {
                from: filter.from,
                to: filter.to,
                countries: filter.countries.clone(),
                ..Filter::default()
            };
        // The countries and the period are checked on the posting list, the rest on the event.
        let rest = Filter {
            countries: Vec::new(),
            from: None,
            to: None,
            ..filter.clone()
        };
        if covered {
            q.push(format_args!("select {ENTRY_COLUMNS} from ("));
        }
        for (i, &widths) in scans.iter().enumerate() {
            if i > 0 {
                q.push(" union all ");
            }
            if covered {
                q.push("select * from (select c.event_id, c.earliest, c.latest");
                q.push(" from event_countries c");
            } else {
                q.push(format_args!("select * from (select {ENTRY_COLUMNS}"));
                q.push(" from event_countries c cross join events ev");
                q.push(" on ev.event_id = c.event_id");
            }
            q.push(" where c.country = ")
                .push_bind(walk.country.to_owned());
            for other in filter.countries.iter().filter(|c| *c != walk.country) {
                q.push(
                    " and exists (select 1 from event_countries o
                                  where o.event_id = c.event_id and o.country = ",
                )
                .push_bind(other.clone())
                .push(")");
            }
            push_period(q, "c", filter, widths, walk.widest);
            if !covered {
                q.push(" and ");
                self.push_filter(q, &rest, widths).await?;
            }
            if let Some(k) = after {
                push_after(q, "c", order, k);
            }
            push_order(q, "c", order);
            q.push_bind(limit).push(")");
        }
        if covered {
            q.push(") k cross join events ev on ev.event_id = k.event_id");
            push_order(q, "k", order);
        } else {
            push_order(q, "", order);
        }
        q.push_bind(limit);
        Ok(())
    }

    /// Appends the conditions of `filter` (starting with "dated") to a query over `events ev`.
    /// Every value is bound, never spliced into the SQL.
    pub(super) async fn push_filter(
        &self,
        q: &mut QueryBuilder<'_, Sqlite>,
        f: &Filter,
        widths: Widths,
    ) -> Result<()> {
        q.push("ev.earliest is not null");
        let widest = match (f.from, widths) {
            (Some(_), Widths::All) => self.widest_class().await?,
            _ => 0,
        };
        push_period(q, "ev", f, widths, widest);
        push_conditions(q, f);
        Ok(())
    }

    /// Of `countries` (not empty), the one with the fewest dated events (`country_counts`,
    /// kept by triggers): the feed walks its posting list.
    async fn rarest_country(&self, countries: &[String]) -> Result<String> {
        let rarest: Option<String> = sqlx::query_scalar(
            "select j.value from json_each(?) j
             left join country_counts n on n.country = j.value
             order by coalesce(n.events, 0), j.key limit 1",
        )
        .bind(serde_json::to_string(countries).expect("strings serialise"))
        .fetch_optional(&self.pool)
        .await?;
        Ok(rarest.unwrap_or_else(|| countries[0].clone()))
    }

    /// The largest width class stored: no event lasts more than 2^class days.
    async fn widest_class(&self) -> Result<i64> {
        let class: Option<i64> = sqlx::query_scalar("select max(width_class) from events")
            .fetch_one(&self.pool)
            .await?;
        Ok(class.unwrap_or(0).clamp(0, 20))
    }
}

/// Appends the conditions of `f` on anything but the date (` and …` each) to a query over
/// `events ev`; every value bound.
pub(super) fn push_conditions(q: &mut QueryBuilder<'_, Sqlite>, f: &Filter) {
    for country in &f.countries {
        q.push(
            " and exists (select 1 from participants p
                          where p.country = ",
        )
        .push_bind(country.clone())
        .push(" and p.event_id = ev.event_id)");
    }
    if let Some(who) = &f.participant {
        q.push(
            " and exists (select 1 from participants p
                          where p.event_id = ev.event_id and (p.wikidata = ",
        )
        .push_bind(who.clone())
        .push(" or p.name = ")
        .push_bind(who.clone())
        .push(" collate nocase))");
    }
    if !f.kinds.is_empty() {
        let kinds: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
        let kinds = serde_json::to_string(&kinds).expect("strings serialise");
        q.push(" and ev.kind in (select value from json_each(")
            .push_bind(kinds)
            .push("))");
    }
    if let Some(status) = f.status {
        q.push(" and ev.status = ")
            .push_bind(codes::status_str(status));
    }
    if let Some(place) = &f.place {
        q.push(" and (ev.place_name = ")
            .push_bind(place.clone())
            .push(" collate nocase or ev.place_wikidata = ")
            .push_bind(place.clone())
            .push(" or ev.place_country = ")
            .push_bind(place.clone())
            .push(")");
    }
    if let Some(words) = f.q.as_deref() {
        match fts_query(words) {
            Some(expr) => {
                q.push(
                    " and ev.event_id in (select e.event_id from evidence e
                      where e.evidence_id in (select rowid from evidence_fts
                                              where evidence_fts match ",
                )
                .push_bind(expr)
                .push("))");
            }
            // Only punctuation: nothing can match it.
            None => {
                q.push(" and 0");
            }
        }
    }
    if let Some(n) = f.min_sources {
        q.push(" and ev.source_count >= ").push_bind(n);
    }
}

/// The posting list a country filter walks, and the widest class stored.
struct Walk<'a> {
    country: &'a str,
    widest: i64,
}

/// Appends " order by" the timeline order of table `t` (or of the result's own columns when
/// `t` is empty) and " limit ".
fn push_order(q: &mut QueryBuilder<'_, Sqlite>, t: &str, order: Order) {
    let t = if t.is_empty() {
        String::new()
    } else {
        format!("{t}.")
    };
    q.push(match order {
        Order::Asc => format!(" order by {t}earliest, {t}latest desc, {t}event_id limit "),
        Order::Desc => format!(" order by {t}earliest desc, {t}latest, {t}event_id desc limit "),
    });
}

/// Appends the period bounds of `filter` on the timeline columns of table `t` (`events ev`
/// or the posting list `c`), each after " and "; `widest` is the widest class stored, read
/// only for [`Widths::All`].
fn push_period(q: &mut QueryBuilder<'_, Sqlite>, t: &str, f: &Filter, widths: Widths, widest: i64) {
    if f.empty_period() {
        q.push(" and 0");
    }
    if let Some(from) = f.from {
        // An event of width class k lasts at most 2^k days, so one overlapping `from`
        // starts no earlier than that before it: a bound the index can use.
        q.push(format_args!(" and {t}.latest >= ")).push_bind(from);
        let longest = match widths {
            Widths::All => 1 << widest,
            Widths::Class(k) => {
                q.push(format_args!(" and {t}.width_class = ")).push_bind(k);
                1 << k
            }
        };
        q.push(format_args!(" and {t}.earliest >= "))
            .push_bind(from - Duration::days(longest));
    }
    if let Some(to) = f.to {
        q.push(format_args!(" and {t}.earliest <= ")).push_bind(to);
    }
}

/// Appends "after `k` in `order`" to the conditions, on the timeline columns of table `t`.
fn push_after(q: &mut QueryBuilder<'_, Sqlite>, t: &str, order: Order, k: Key) {
    let (later, wider_first, higher) = match order {
        Order::Asc => (">", "<", ">"),
        Order::Desc => ("<", ">", "<"),
    };
    // The same bound on its own first: SQLite starts an index range only at a plain
    // comparison, not inside the OR below.
    q.push(format_args!(" and {t}.earliest {later}= "))
        .push_bind(k.earliest);
    q.push(format_args!(" and ({t}.earliest {later} "))
        .push_bind(k.earliest)
        .push(format_args!(" or ({t}.earliest = "))
        .push_bind(k.earliest)
        .push(format_args!(" and ({t}.latest {wider_first} "))
        .push_bind(k.latest)
        .push(format_args!(" or ({t}.latest = "))
        .push_bind(k.latest)
        .push(format_args!(" and {t}.event_id {higher} "))
        .push_bind(k.event_id)
        .push("))))");
}
