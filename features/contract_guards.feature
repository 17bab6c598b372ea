@contract
Feature: Every operation guards its door
  Before any operation looks at a template, a profile or an OTP, it checks who is asking and what was sent:
  a request without a valid API key is refused as unauthorized, a body that is not JSON as an unsupported
  media type, a body larger than the server takes as too large, and an id that is not a UUID as a
  constraint violation of that path parameter. None of these scenarios creates anything, so they are safe
  against any deployment.

  Scenario Outline: "<operation>" refuses a client without an API key
    Given a client without an API key
    When it calls "<operation>"
    Then the request is refused as unauthorized

    Examples:
      | operation                                          |
      | List OTP Codes                                     |
      | Send OTP                                           |
      | Read OTP Status                                    |
      | Delete OTP Status                                  |
      | Validate OTP Code                                  |
      | List Callback Configurations                       |
      | Create Callback Configuration                      |
      | Delete Callback Configuration                      |
      | Patch Callback Configuration                       |
      | Read WhatsApp Configuration                        |
      | Create WhatsApp Configuration                      |
      | List Priorities                                    |
      | Create Priority                                    |
      | Delete Priority                                    |
      | Read Priority                                      |
      | Patch Priority                                     |
      | List Profiles                                      |
      | Create Profile                                     |
      | Delete Profile                                     |
      | Read Profile                                       |
      | Patch Profile                                      |
      | Add Template to Profile                            |
      | Remove Template from Profile                       |
      | List Templates                                     |
      | List SMS Templates                                 |
      | Create SMS Template                                |
      | Delete SMS Template                                |
      | Read SMS Template                                  |
      | Patch SMS Template                                 |
      | List Viber Templates                               |
      | Create Viber Template                              |
      | Delete Viber Template                              |
      | Read Viber Template                                |
      | Patch Viber Template                               |
      | List Voice Templates                               |
      | Create Voice Template                              |
      | Delete Voice Template                              |
      | Read Voice Template                                |
      | Patch Voice Template                               |
      | Retrieve WhatsApp Template by Name and/or Language |
      | Submit For Review WhatsApp Template                |
      | Delete a WhatsApp Template                         |

  Scenario Outline: "<operation>" refuses a body that is not JSON
    Given a client with a valid API key
    When it calls "<operation>" with a body that is not JSON
    Then the request is refused as an unsupported media type

    Examples:
      | operation                           |
      | Send OTP                            |
      | Validate OTP Code                   |
      | Create Callback Configuration       |
      | Patch Callback Configuration        |
      | Create WhatsApp Configuration       |
      | Create Priority                     |
      | Patch Priority                      |
      | Create Profile                      |
      | Patch Profile                       |
      | Add Template to Profile             |
      | Create SMS Template                 |
      | Patch SMS Template                  |
      | Create Viber Template               |
      | Patch Viber Template                |
      | Create Voice Template               |
      | Patch Voice Template                |
      | Submit For Review WhatsApp Template |

  Scenario Outline: "<operation>" refuses a body that is too large
    Given a client with a valid API key
    When it calls "<operation>" with a body of 2 MiB
    Then the request is refused as too large

    Examples:
      | operation                           |
      | Send OTP                            |
      | Validate OTP Code                   |
      | Create Callback Configuration       |
      | Patch Callback Configuration        |
      | Create WhatsApp Configuration       |
      | Create Priority                     |
      | Patch Priority                      |
      | Create Profile                      |
      | Patch Profile                       |
      | Add Template to Profile             |
      | Create SMS Template                 |
      | Patch SMS Template                  |
      | Create Viber Template               |
      | Patch Viber Template                |
      | Create Voice Template               |
      | Patch Voice Template                |
      | Submit For Review WhatsApp Template |

  Scenario Outline: "<operation>" refuses an id that is not a UUID
    Given a client with a valid API key
    When it calls "<operation>" with the id "not-a-uuid"
    Then the request is refused with a violation of the path parameter "<parameter>"

    Examples:
      | operation                     | parameter  |
      | Read OTP Status               | otp-id     |
      | Delete OTP Status             | otp-id     |
      | Validate OTP Code             | otp-id     |
      | Delete Callback Configuration | id         |
      | Patch Callback Configuration  | id         |
      | Delete Priority               | id         |
      | Read Priority                 | id         |
      | Patch Priority                | id         |
      | Delete Profile                | id         |
      | Read Profile                  | id         |
      | Patch Profile                 | id         |
      | Add Template to Profile       | profile-id |
      | Remove Template from Profile  | profile-id |
      | Delete SMS Template           | id         |
      | Read SMS Template             | id         |
      | Patch SMS Template            | id         |
      | Delete Viber Template         | id         |
      | Read Viber Template           | id         |
      | Patch Viber Template          | id         |
      | Delete Voice Template         | id         |
      | Read Voice Template           | id         |
      | Patch Voice Template          | id         |
