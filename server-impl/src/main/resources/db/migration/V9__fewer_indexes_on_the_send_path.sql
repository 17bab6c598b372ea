-- Every index is written by each send, delivery or validation that changes its rows; these two were read rarely.
-- delivery_job holds only the deliveries in progress (a job is deleted when its OTP's delivery ends), so the
-- workers' search for due jobs reads a small table without an index. A list of OTPs filtered by status reads the
-- account's OTPs newest first (otp_by_account) and keeps those in the status; validations no longer move an
-- index entry each time they change an OTP's status.
drop index delivery_job_due;
drop index otp_by_account_status;
