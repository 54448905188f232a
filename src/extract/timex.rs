//! STUB
use super::{Dct, Mode, Timex};
pub fn extract_timexes(_text: &str, _dct: Option<Dct>, _mode: Mode) -> Vec<Timex> {
    Vec::new()
}
