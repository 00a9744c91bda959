// Full-text index of parties and identifiers for the explorer's search (src/store/text-search.ts):
// id, name and value (addresses with their city, phones, e-mails, bank accounts), every word kept
// (no stop words: "de", "van" and "the" are parts of firm names). Updated in the writing
// transaction, so a discarded import leaves nothing in it.
CREATE FULLTEXT INDEX ringscope_text IF NOT EXISTS
FOR (n:Importer|Consignee|Broker|Supplier|Person|Address|Phone|Email|BankAccount) ON EACH [n.id, n.name, n.value]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } }
