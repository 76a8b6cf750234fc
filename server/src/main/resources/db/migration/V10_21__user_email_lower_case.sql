-- Users' addresses are kept lower-case, as User.setEmail writes them, so that looking a sender up by
-- address (every incoming mail does) uses ix_app_user_email instead of reading lower(email) of every user.
UPDATE app_user SET email = LOWER(TRIM(email)) WHERE email IS NOT NULL AND email <> LOWER(TRIM(email));
