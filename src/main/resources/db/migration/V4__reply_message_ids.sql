-- A customer's answer to a sent reply names the reply's channel id (e-mail In-Reply-To, a post's reply-to id):
-- threading looks replies up by it.
create index replies_external_id on replies (external_id) where external_id is not null;
