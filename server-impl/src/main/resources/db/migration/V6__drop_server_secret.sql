-- The server secret lives outside the database (--secret, or the key file --secret-file): a dump of the database
-- alone must not hold both the codes' hashes and their key. Before this migration runs, the server hands a secret
-- kept here to the key file and deletes its row (store.KeptServerSecret); then the table goes.
drop table server_secret;
