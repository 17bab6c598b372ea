@contract
Feature: Every operation guards its door
  Before any operation looks at a template, a profile or an OTP, it checks who is asking and what was sent:
  a request without a valid API key is refused as unauthorized, a body that is not JSON as an unsupported
  media type, a body larger than the server takes as too large, headers larger than it reads as too large,
  a client that accepts no JSON as not acceptable, an address with a broken escape sequence, an id that is
  not a UUID and text that cannot be stored (the character U+0000) as a constraint violation of that field,
  and a method the address does not offer as not allowed. None of these scenarios creates anything, so they
  are safe against any deployment.

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

  Scenario Outline: "<operation>" refuses headers that are too large
    Given a client with a valid API key
    When it calls "<operation>" with a header of 9 KiB
    Then the request is refused as having headers too large

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

  Scenario Outline: "<operation>" refuses a client that accepts only HTML
    Given a client with a valid API key
    When it calls "<operation>" accepting only HTML
    Then the request is refused as not acceptable

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

  Scenario Outline: "<operation>" refuses an address with a broken escape sequence
    Given a client with a valid API key
    When it calls "<operation>" with the broken escape sequence "%ZZ" in the query parameter "name"
    Then the request is refused with a violation of the query parameter "name"

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

  Scenario Outline: "<operation>" refuses text that cannot be stored in "<field>"
    Given a client with a valid API key
    When it calls "<operation>" with the character U+0000 in the field "<field>"
    Then the request is refused with a violation of the field "<field>"

    Examples:
      | operation                           | field             |
      | Send OTP                            | profileName       |
      | Create SMS Template                 | name              |
      | Create Profile                      | name              |
      | Create Priority                     | name              |
      | Create Callback Configuration       | url               |
      | Submit For Review WhatsApp Template | name              |
      | Create WhatsApp Configuration       | whatsAppAccountId |

  Scenario Outline: "<operation>" refuses text that cannot be stored in the query parameter "<parameter>"
    Given a client with a valid API key
    When it calls "<operation>" with the character U+0000 in the query parameter "<parameter>"
    Then the request is refused with a violation of the query parameter "<parameter>"

    Examples:
      | operation                                          | parameter |
      | List OTP Codes                                     | to        |
      | List Priorities                                    | name      |
      | List SMS Templates                                 | name      |
      | Retrieve WhatsApp Template by Name and/or Language | name      |

  Scenario Outline: The address of "<operation>" refuses the method <method>, naming the methods it offers
    Given a client with a valid API key
    When it calls the address of "<operation>" with the method "<method>"
    Then the request is refused as a method not allowed there, naming "<allowed>" as allowed

    Examples:
      | operation           | method  | allowed             |
      | List OTP Codes      | PUT     | GET, POST           |
      | Read OTP Status     | POST    | GET, DELETE         |
      | List Templates      | DELETE  | GET                 |
      | Read Profile        | OPTIONS | GET, PATCH, DELETE  |
      | Validate OTP Code   | TRACE   | POST                |
