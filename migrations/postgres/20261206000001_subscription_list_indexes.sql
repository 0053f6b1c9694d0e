-- The subscriptions list joins each row's number by its TNID and narrows by
-- package: without these, each of a page's rows scanned the Distributor's
-- numbers, and a package's subscriptions scanned all of them.
CREATE INDEX rm_numbers_by_number_id ON rm_numbers (distributor_id, number_id);
CREATE INDEX rm_subscriptions_by_package ON rm_subscriptions (distributor_id, package_id, subscription_id);
CREATE INDEX rm_subscriptions_by_subscriber ON rm_subscriptions (distributor_id, subscriber_id);
