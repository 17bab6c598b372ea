@extension
Feature: Health check
  twofa-kit's server tells whether it is up. The health check is not part of tyntec's API: it is
  described in twofa-kit's own contract (extensions.yaml) and needs no API key. Readiness depends on the
  database; liveness only on the process.

  Scenario: The server reports that it is up and its database reachable
    Given a client without an API key
    When it checks the health of the server
    Then the server reports that it is up
    And the server reports that its database is up

  Scenario: The readiness probe reports the server ready while its database is reachable
    Given a client without an API key
    When it asks whether the server is ready
    Then the server reports that it is up
    And the server reports that its database is up

  Scenario: The liveness probe reports the process alive
    Given a client without an API key
    When it asks whether the server is alive
    Then the server reports that it is up
