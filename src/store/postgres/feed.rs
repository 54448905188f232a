//! The feed on PostgreSQL: the period is `period && daterange(from, to)` (the GiST index), the
//! countries `countries @> array[…]` (the GIN index), words `search @@ tsquery`, and a page
//! continues after its [`Key`] in timeline order on `events_timeline`.

use sqlx::{Postgres, QueryBuilder};
use tracing::instrument;

use super::super::rows::{self, ENTRY_COLUMNS, EntryRow};
use super::super::timeline::Evidence;
use super::super::{Filter, Key, Order, Result, TimelineEntry, codes};
use super::{Db, tsquery};

impl Db {
    #[instrument(skip_all)]
    pub(crate) async fn feed_with(
        &self,
        filter: &Filter,
        order: Order,
        after: Option<Key>,
        limit: i64,
        evidence: Evidence,
    ) -> Result<Vec<TimelineEntry>> {
        let mut q = QueryBuilder::new(format!(
            "select {ENTRY_COLUMNS} from events ev where ev.earliest is not null"
        ));
        push_period(&mut q, filter);
        push_conditions(&mut q, filter);
        if let Some(k) = after {
            push_after(&mut q, order, k);
        }
        q.push(match order {
            Order::Asc => " order by ev.earliest, ev.latest desc, ev.event_id limit ",
            Order::Desc => " order by ev.earliest desc, ev.latest, ev.event_id desc limit ",
        })
        .push_bind(limit);
        let rows: Vec<EntryRow> = q.build_query_as().fetch_all(&self.pool).await?;
        let mut entries = rows::entries(rows)?;
        self.fill_entries(&mut entries, evidence).await?;
        Ok(entries)
    }
}

/// Appends the period of `f` (` and …`) to a query over `events ev`.
pub(super) fn push_period(q: &mut QueryBuilder<'_, Postgres>, f: &Filter) {
    if f.empty_period() {
        // daterange() refuses a lower bound after the upper one; nothing overlaps it anyway.
        q.push(" and false");
    } else if f.from.is_some() || f.to.is_some() {
        q.push(" and ev.period && daterange(")
            .push_bind(f.from)
            .push(", ")
            .push_bind(f.to)
            .push(", '[]')");
    }
}

/// Appends the conditions of `f` on anything but the date (` and …` each) to a query over
/// `events ev`; every value bound.
pub(super) fn push_conditions(q: &mut QueryBuilder<'_, Postgres>, f: &Filter) {
    if !f.countries.is_empty() {
        q.push(" and ev.countries @> ")
            .push_bind(f.countries.clone())
            .push("::text[]");
    }
    if let Some(who) = &f.participant {
        // SQLite's `collate nocase`: ASCII letters in either case.
        q.push(
            " and exists (select 1 from participants p
                          where p.event_id = ev.event_id and (p.wikidata = ",
        )
        .push_bind(who.clone())
        .push(" or lower(p.name) = lower(")
        .push_bind(who.clone())
        .push(")))");
    }
    if !f.kinds.is_empty() {
        let kinds: Vec<&'static str> = f.kinds.iter().map(|k| k.as_str()).collect();
        q.push(" and ev.kind = any(").push_bind(kinds).push(")");
    }
    if let Some(status) = f.status {
        q.push(" and ev.status = ")
            .push_bind(codes::status_str(status));
    }
    if let Some(place) = &f.place {
        q.push(" and (lower(ev.place_name) = lower(")
            .push_bind(place.clone())
            .push(") or ev.place_wikidata = ")
            .push_bind(place.clone())
            .push(" or ev.place_country = ")
            .push_bind(place.clone())
            .push(")");
    }
    if let Some(words) = f.q.as_deref() {
        match tsquery(words) {
            Some(query) => {
                q.push(
                    " and ev.event_id in (select e.event_id from evidence e
                                          where e.search @@ ",
                )
                .push_bind(query)
                .push("::tsquery)");
            }
            // Only punctuation: nothing can match it.
            None => {
                q.push(" and false");
            }
        }
    }
    if let Some(n) = f.min_sources {
        q.push(" and ev.source_count >= ").push_bind(n);
    }
}

/// Appends "after `k` in `order`" on the timeline columns. The order mixes directions
/// (earliest, latest desc, event_id), so no row comparison says it: the bound on `earliest`
/// alone comes first for the index range, then the ties spelled out.
fn push_after(q: &mut QueryBuilder<'_, Postgres>, order: Order, k: Key) {
    let (later, wider_first, higher) = match order {
        Order::Asc => (">", "<", ">"),
        Order::Desc => ("<", ">", "<"),
    };
    q.push(format_args!(" and ev.earliest {later}= "))
        .push_bind(k.earliest)
        .push(format_args!(" and (ev.earliest {later} "))
        .push_bind(k.earliest)
        .push(format_args!(" or ev.latest {wider_first} "))
        .push_bind(k.latest)
        .push(" or (ev.latest = ")
        .push_bind(k.latest)
        .push(format_args!(" and ev.event_id {higher} "))
        .push_bind(k.event_id)
        .push("))");
}
