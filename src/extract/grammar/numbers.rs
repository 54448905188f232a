//! Cardinal numbers written in words, up to the thousands: "خمسة وعشرين", "اثنا عشر",
//! "ثلاثمائة وخمسة وستين", "ثلاثة آلاف", "ألف وتسعمائة وتسعة وتسعين", "ألفين وسبعة وعشرين".
//! The parts are joined by و, glued (وعشرين) or apart (و عشرون).

use super::super::lexicon::Lex;
use super::Cursor;

impl Cursor<'_> {
    /// The number word at `i` (not one carrying the article: "الثلاثة" is "the three").
    fn number_word(&self, i: usize) -> Option<u32> {
        match self.lex(i) {
            Some(Lex::Number(n)) => Some(n),
            _ => None,
        }
    }

    /// The token holding the number after a و at `k`: `k` itself for a glued و (وعشرين),
    /// `k + 1` for a separate one (و عشرون).
    fn and_number(&self, k: usize) -> Option<usize> {
        let t = self.t.get(k)?;
        if t.clitic == 1 && self.text(k).starts_with('و') && self.number_word(k).is_some() {
            return Some(k);
        }
        let apart = self.text(k) == "و"
            && self.number_word(k + 1).is_some()
            && self.t[k + 1].clitic == 0
            && !self.t[k + 1].article;
        apart.then_some(k + 1)
    }

    /// 1–99: a unit, a teen (خمسة عشر), a ten, or a unit and a ten (خمسة وعشرين).
    fn below_hundred(&self, i: usize) -> Option<(u32, usize)> {
        let a = self.number_word(i).filter(|&a| a < 100)?;
        if a < 10 {
            if self.number_word(i + 1) == Some(10) && self.t[i + 1].clitic == 0 {
                return Some((a + 10, i + 2));
            }
            if let Some(k) = self.and_number(i + 1) {
                if let Some(t) = self.number_word(k).filter(|t| (20..=90).contains(t)) {
                    return Some((a + t, k + 1));
                }
            }
        }
        Some((a, i + 1))
    }

    /// 1–999: hundreds (ثلاثمائة, ثلاث مئة) and what follows them after و.
    fn below_thousand(&self, i: usize) -> Option<(u32, usize)> {
        let (h, j) = match self.number_word(i)? {
            h @ 100..=900 if h % 100 == 0 => (h, i + 1),
            a @ 3..=9 if self.number_word(i + 1) == Some(100) && self.t[i + 1].clitic == 0 => {
                (a * 100, i + 2)
            }
            _ => return self.below_hundred(i),
        };
        match self.and_number(j).and_then(|k| self.below_hundred(k)) {
            Some((r, end)) => Some((h + r, end)),
            None => Some((h, j)),
        }
    }

    /// A cardinal in words up to 999,999: thousands (ألف, ألفين, ثلاثة آلاف, عشرون ألفا),
    /// then what follows them after و.
    pub fn cardinal(&self, i: usize) -> Option<(u32, usize)> {
        if self.t.get(i)?.article {
            return None;
        }
        let (thousands, j) = match self.number_word(i)? {
            // "آلاف السنين", "آلاف سنة": thousands of them, no number.
            1000 if self.text(i).ends_with("الاف") => return None,
            n @ (1000 | 2000) => (n, i + 1),
            _ => {
                let (v, j) = self.below_thousand(i)?;
                let times_thousand = self.number_word(j) == Some(1000)
                    && self.t[j].clitic == 0
                    && !self.t[j].article
                    && v >= 3;
                if !times_thousand {
                    return Some((v, j));
                }
                (v * 1000, j + 1)
            }
        };
        match self.and_number(j).and_then(|k| self.below_thousand(k)) {
            Some((r, end)) => Some((thousands + r, end)),
            None => Some((thousands, j)),
        }
    }
}
