-- Documents by URL: `tarikh watch` asks whether a feed item's link is stored already, on
-- every poll of every feed. Partial: most documents from files have no URL.
create index documents_by_url on documents (url) where url is not null;
