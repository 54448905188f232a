//! Clock times: on the day the expression gives, the day the sentence gave, or the reference.

use super::{Ctx, Expr, Resolved, day_value, resolve, span};
use crate::extract::TimexType;

/// `…THH:MM`, with `:SS` when the seconds were written.
fn time_value(day: &str, hour: u8, minute: u8, second: Option<u8>) -> Resolved {
    let s = second.map(|s| format!(":{s:02}")).unwrap_or_default();
    Resolved {
        kind: TimexType::Time,
        value: format!("{day}T{hour:02}:{minute:02}{s}"),
    }
}

/// A date and its clock time, one TIME: the date resolves as it would alone.
pub(super) fn timestamp(
    date: &Expr,
    hour: u8,
    minute: u8,
    second: Option<u8>,
    ctx: &Ctx,
) -> Resolved {
    let day = span(&resolve(date, ctx).value)
        .filter(|(a, b)| a == b)
        .map_or_else(|| "XXXX-XX-XX".to_owned(), |(a, _)| day_value(a));
    time_value(&day, hour, minute, second)
}

/// A clock time alone: on the day its sentence named, else the reference day.
pub(super) fn clock(hour: u8, minute: u8, second: Option<u8>, ctx: &Ctx) -> Resolved {
    let day = ctx
        .day_anchor
        .or(ctx.reference())
        .map_or("XXXX-XX-XX".to_owned(), day_value);
    time_value(&day, hour, minute, second)
}
