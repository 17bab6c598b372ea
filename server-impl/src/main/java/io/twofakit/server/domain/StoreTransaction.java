package io.twofakit.server.domain;

/**
 * One transaction of the stores, in which the writes of several stores commit together or not at all: a new OTP
 * and the job that delivers it. The domain hands it from the store that opened it to the stores that write in it,
 * without looking inside; only the stores know what it holds.
 */
public interface StoreTransaction {
}
