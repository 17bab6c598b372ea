@extension
Feature: Pages for people
  twofa-kit's server offers a few static pages beside the API: a landing page that links everything, the API
  documentation (Swagger UI, from the server's own files) and the two contract files. Each contract file, as
  served, lists the server that served it first among its servers, so that the documentation's "Try it out" and
  clients generated from the file call that server. The pages hold no data and need no API key.

  Scenario: The landing page links the documentation, the contract files and the health checks
    Given a client without an API key
    When it opens the landing page
    Then it gets a page that links "docs", "openapi.yaml", "extensions.yaml" and "health", each of which opens

  Scenario: The API documentation loads its scripts and style sheets from the server itself
    Given a client without an API key
    When it opens the API documentation
    Then it gets a page whose scripts and style sheets all come from the server, and each of them loads

  Scenario Outline: A contract file names the server that served it first among its servers
    Given a client without an API key
    When it downloads the contract file "<file>"
    Then the file is the contract "<title>", with the server that served it as its first server

    Examples:
      | file            | title                |
      | openapi.yaml    | tyntec 2FA (OTP) API |
      | extensions.yaml | twofa-kit extensions |
