Feature: Authentication
  Every request to the 2FA API carries an API key in the header "apiKey". The key says which account
  the request acts for. A request without a key, or with a key the server does not know, is refused
  as unauthorized before anything else is looked at.

  Scenario: A request without an API key is refused
    Given a client without an API key
    When it lists the SMS templates
    Then the request is refused as unauthorized

  Scenario: A request with an unknown API key is refused
    Given a client with an unknown API key
    When it lists the SMS templates
    Then the request is refused as unauthorized

  Scenario: A request with a valid API key is let in
    Given a client with a valid API key
    When it asks for an SMS template that does not exist
    Then the request is not refused as unauthorized
