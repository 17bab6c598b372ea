@extension
Feature: Metrics for operators
  twofa-kit's server counts what it does for Prometheus at /metrics: messages by channel and outcome, fallbacks,
  validations by result, webhook attempts and queues, request latencies by route, the JVM and the connection pool.
  The metrics are not part of tyntec's API: they are described in twofa-kit's own contract (extensions.yaml). They
  name no account, number or code, so they need no API key; like every other path, they are reachable only on the
  address the server listens on.

  # Counters are each server's own, as Prometheus scrapes each server: behind a balancer the next read may be
  # answered by another server, so this scenario needs one server (@one-server).
  @one-server
  Scenario: Each validation of a code is counted by its result
    Given an SMS template "metrics_code" in en_US with the message "Your code: {{otp_code}}"
    And a profile "metrics" with the SMS template "metrics_code" in en_US
    And an OTP with the code "4711" sent to "+49170000009" with the profile "metrics"
    And the server's count of WRONG_CODE validations is noted
    When a wrong code is validated
    Then the validation answers WRONG_CODE
    And the server's count of WRONG_CODE validations has grown

  Scenario: The server answers its metrics to a client without an API key
    Given a client without an API key
    When it reads the server's metrics
    Then the server answers its metrics in Prometheus's text format
    And the metrics include the latency of the requests answered, by route and never by id
