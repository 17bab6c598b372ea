-- A step's DISPATCHED event is now recorded together with its outcome, once the gateway has answered (one
-- transaction per attempt instead of two), so a job no longer needs to remember a dispatched step. A job that an
-- older server left between the two reports its step's DISPATCHED event once more when it is resumed.
alter table delivery_job drop column dispatched;
