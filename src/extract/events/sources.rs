//! Who reports a happening rather than taking part: the state a news source belongs to
//! ("وكالة سبوتنيك الروسية", "التلفزيون الرسمي الصيني").

use super::participants::IS_PERSON;
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::{Lex, is_media_adjective, is_media_word};
use crate::extract::token::Kind;

/// True when the state named at token `k` is the owner of a news source: a media word
/// ("وكالة", "التلفزيون", "وسائل الإعلام") stands before it with only the source's own words
/// between ("وكالة سبوتنيك الروسية", "التلفزيون الرسمي الصيني").
pub(super) fn is_source(g: &Cursor, k: usize) -> bool {
    for j in (k.saturating_sub(4)..k).rev() {
        let t = &g.t[j];
        match t.kind {
            Kind::Word if is_media_word(t.text(g.n)) => return true,
            Kind::Word if is_media_adjective(t.text(g.n)) => {}
            // A source's own name the lexicon does not know ("سبوتنيك", "شينخوا").
            Kind::Word if t.lex.is_none() => {}
            Kind::Punct if matches!(t.punct, '«' | '»' | '"') => {}
            _ => return false,
        }
    }
    false
}

/// True when a word names a person (a source is owned by a state, never by a person).
pub(super) fn names_person(lex: Lex) -> bool {
    matches!(lex, Lex::Actor(n) if IS_PERSON[usize::from(n)])
}
