-- Set when Suhde made the admin's password up at first start, so the app can ask to change it.
alter table users add column password_generated boolean not null default false;
