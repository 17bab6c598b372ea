Feature: Callback configurations
  A callback configuration says where the delivery events of OTPs are posted: an absolute http or https
  URL, with custom headers, for the OTPs of every profile or of one profile of the account. The headers the
  server sets itself (Content-Type, Content-Length, Host, X-Twofa-Event-Id and the like) cannot be
  configured, and a header name is an HTTP token. One URL is registered at most once for every profile and
  once per profile. A change gives the URL and what else it changes, and answers the whole configuration.
  Deleting a profile deletes the configurations scoped to it.

  Every scenario makes its URLs and names unique with a random suffix and deletes what it created afterwards.

  Scenario: A callback configuration for every profile is created with its headers
    When it creates a callback configuration "hook" for every profile with the headers:
      | X-Tenant      | acme         |
      | Authorization | Bearer t0k3n |
    Then the callback configuration is created
    And the callback configurations include "hook" for every profile with the headers:
      | X-Tenant      | acme         |
      | Authorization | Bearer t0k3n |

  Scenario: A callback configuration for one profile
    Given a profile "register" with the channels:
      | channel | template | language |
    When it creates a callback configuration "hook" for the profile "register"
    Then the callback configuration is created
    And the callback configurations include "hook" for the profile "register" without headers

  Scenario Outline: A callback URL must be an absolute http or https URL: <url>
    When it creates a callback configuration for the URL "<url>"
    Then the callback configuration is refused as invalid, naming the field "url"

    Examples:
      | url                                  |
      | example.com/hook                     |
      | /relative/hook                       |
      | ftp://example.com/hook               |
      | mailto:ops@example.com               |
      | https://                             |
      | not a url                            |
      | https://user:secret@example.com/hook |
      | https://exämple.com/hook             |

  Scenario: A callback URL has at most 2048 characters
    When it creates a callback configuration with a URL of 2048 characters
    Then the callback configuration is created
    When it creates a callback configuration with a URL of 2049 characters
    Then the callback configuration is refused as invalid, naming the field "url"

  Scenario Outline: A header that the server sets itself, or that is no HTTP header name, is refused: <header>
    When it creates a callback configuration "hook" with the header "<header>" set to "value"
    Then the callback configuration is refused as invalid, naming the field "headers.<header>"

    Examples:
      | header           |
      | Content-Type     |
      | content-length   |
      | Host             |
      | Transfer-Encoding |
      | X-Twofa-Event-Id |
      | x-twofa-event-id |
      | X Tenant         |
      | X:Tenant         |
      | Tenänt           |

  Scenario: A header value has at most 1024 characters
    When it creates a callback configuration "long_value" with a header value of 1024 characters
    Then the callback configuration is created
    When it creates a callback configuration "too_long_value" with a header value of 1025 characters
    Then the callback configuration is refused as invalid, naming the field "headers.X-Long"

  Scenario: A callback configuration has at most 20 headers
    When it creates a callback configuration "twenty" with 20 headers
    Then the callback configuration is created
    When it creates a callback configuration "too_many" with 21 headers
    Then the callback configuration is refused as invalid, naming the field "headers"

  Scenario: The profile of a callback configuration must exist
    When it creates a callback configuration "hook" for a profile that does not exist
    Then the callback configuration is refused as invalid, naming the field "profileId"

  Scenario: One URL is registered once for every profile and once per profile
    Given a profile "register" with the channels:
      | channel | template | language |
    And a profile "login" with the channels:
      | channel | template | language |
    And a callback configuration "hook" for every profile
    And a callback configuration "hook_register" at the URL of "hook" for the profile "register"
    When it creates a callback configuration "again" at the URL of "hook" for every profile
    Then it is refused as a conflict: the callback configuration already exists
    When it creates a callback configuration "again" at the URL of "hook" for the profile "register"
    Then it is refused as a conflict: the callback configuration already exists
    When it creates a callback configuration "hook_login" at the URL of "hook" for the profile "login"
    Then the callback configuration is created

  Scenario: A change answers the whole configuration and keeps what it does not name
    Given a profile "register" with the channels:
      | channel | template | language |
    And a callback configuration "hook" for the profile "register" with the headers:
      | X-Tenant | acme |
    When it moves the callback configuration "hook" to the URL of "moved"
    Then the change answers the callback configuration "hook" at the URL of "moved" for the profile "register" with the headers:
      | X-Tenant | acme |
    When it changes the headers of the callback configuration "hook" to:
      | X-Other | 2 |
    Then the change answers the callback configuration "hook" at the URL of "moved" for the profile "register" with the headers:
      | X-Other | 2 |
    And the callback configurations include "hook" at the URL of "moved" for the profile "register" with the headers:
      | X-Other | 2 |

  Scenario: A change may scope a configuration to a profile
    Given a profile "register" with the channels:
      | channel | template | language |
    And a callback configuration "hook" for every profile
    When it scopes the callback configuration "hook" to the profile "register"
    Then the change answers the callback configuration "hook" at the URL of "hook" for the profile "register" without headers
    And the callback configurations include "hook" for the profile "register" without headers

  Scenario: A change onto a URL and profile in use is refused and changes nothing
    Given a callback configuration "first" for every profile
    And a callback configuration "second" for every profile
    When it moves the callback configuration "second" to the URL of "first"
    Then it is refused as a conflict: the callback configuration already exists
    And the callback configurations include "second" for every profile without headers

  Scenario Outline: A change that breaks a rule is refused and changes nothing: <rule>
    Given a callback configuration "kept" for every profile with the headers:
      | X-Tenant | acme |
    When it <change>
    Then the callback configuration is refused as invalid, naming the field "<field>"
    And the callback configurations include "kept" for every profile with the headers:
      | X-Tenant | acme |

    Examples:
      | rule                                  | change                                                                         | field        |
      | the server sets the header Host       | sets the header "Host" of the callback configuration "kept"                    | headers.Host |
      | a URL is http or https                | moves the callback configuration "kept" to the URL "ftp://hooks.example.com/x" | url          |
      | a change names the URL                | changes the headers of the callback configuration "kept" without its URL       | url          |
      | a profile of the account              | scopes the callback configuration "kept" to a profile that does not exist      | profileId    |

  Scenario: A deleted callback configuration is gone
    Given a callback configuration "short_lived" for every profile
    When it deletes the callback configuration "short_lived"
    Then the deletion is accepted
    And the callback configurations do not include "short_lived"

  Scenario: A deleted callback configuration cannot be deleted again
    Given a callback configuration "short_lived" for every profile
    And it deletes the callback configuration "short_lived"
    When it deletes the callback configuration "short_lived" again
    Then the callback configuration is not found, naming its id

  Scenario: Deleting a profile deletes the callback configurations scoped to it
    Given a profile "register" with the channels:
      | channel | template | language |
    And a callback configuration "scoped" for the profile "register"
    And a callback configuration "everyone" for every profile
    When it deletes the profile "register"
    Then the deletion is accepted
    And the callback configurations do not include "scoped"
    And the callback configurations include "everyone" for every profile without headers

  Scenario Outline: A callback configuration that does not exist is not found when it <action> it
    When it <action> a callback configuration that does not exist
    Then the callback configuration is not found, naming its id

    Examples:
      | action  |
      | changes |
      | deletes |

  Scenario Outline: A callback configuration id that is not a UUID is refused when it <action> it
    When it <action> the callback configuration with the id "not-a-uuid"
    Then the callback configuration is refused as invalid, naming the field "id"

    Examples:
      | action  |
      | changes |
      | deletes |

  @second-account
  Scenario: Another account neither sees, changes nor deletes a callback configuration, nor names its profiles
    Given a callback configuration "mine" for every profile
    Then the other account's callback configurations do not include "mine"
    When the other account changes the callback configuration "mine"
    Then the callback configuration is not found, naming its id
    When the other account deletes the callback configuration "mine"
    Then the callback configuration is not found, naming its id
    And the callback configurations include "mine" for every profile without headers
    Given the other account has a profile "theirs"
    When it creates a callback configuration "hook" for the profile "theirs"
    Then the callback configuration is refused as invalid, naming the field "profileId"
