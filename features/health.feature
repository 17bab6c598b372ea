@extension
Feature: Health check
  twofa-kit's server tells whether it is up. The health check is not part of tyntec's API: it is
  described in twofa-kit's own contract (extensions.yaml) and needs no API key.

  Scenario: The server reports that it is up
    Given a client without an API key
    When it checks the health of the server
    Then the server reports that it is up
