Feature: Profiles
  A profile names the templates an OTP is sent with, per channel and language, and the rules of the codes
  it generates: how many attempts an OTP allows (1 to 10, 3 unless given), how many characters a code has
  (4 to 11, 6 unless given) and whether letters join the digits ("alphanumeric", sent as the text "true" or
  "false", read back as a boolean). Every template a profile names exists in its channel: SMS, Viber and
  Voice templates by name, WhatsApp templates by name and language. A channel has at most one template per
  language, and a WhatsApp channel needs the account's WhatsApp configuration. A profile keeps its channels
  in the order given; entries of a channel given twice are merged into the first. A name is unique per
  account, at most 256 characters. A template that a profile uses cannot be deleted.

  Tables list a profile's templates as rows of channel, template and language; rows of one channel that
  follow each other form one channel entry, and a row without a template is a channel without templates.
  Every scenario gives its profiles and templates names with a random suffix and deletes them afterwards.

  Scenario: A profile gets the defaults for what it does not say
    Given an SMS template "welcome" in en_US
    When it creates a profile "register" with the SMS template "welcome" in en_US
    Then the profile is created
    And the profile "register" reads back with 3 attempts and numeric codes of 6 characters
    And the profile "register" has the channels:
      | channel | template | language |
      | SMS     | welcome  | en_US    |

  Scenario: A profile keeps its settings and the order of its channels
    Given a Voice template "call" in en
    And an SMS template "text" in en
    And an SMS template "text_es" in es
    When it creates a profile "login" with 10 attempts, alphanumeric codes of 11 characters and the channels:
      | channel | template | language |
      | VOICE   | call     | en       |
      | SMS     | text_es  | es       |
      | SMS     | text     | en       |
      | VIBER   |          |          |
    Then the profile is created
    And the profile "login" reads back with 10 attempts and alphanumeric codes of 11 characters
    And the profile "login" has the channels:
      | channel | template | language |
      | VOICE   | call     | en       |
      | SMS     | text_es  | es       |
      | SMS     | text     | en       |
      | VIBER   |          |          |

  Scenario: The language a profile gives a text template is the one it serves
    Given an SMS template "english" in en
    When it creates a profile "british" with the SMS template "english" in en_GB
    Then the profile is created
    And the profile "british" has the channels:
      | channel | template | language |
      | SMS     | english  | en_GB    |

  Scenario: Profiles are listed, and filtered by name
    Given a profile "first" with the channels:
      | channel | template | language |
    And a profile "second" with the channels:
      | channel | template | language |
    When it lists the profiles
    Then the list holds the profiles "first" and "second"
    When it lists the profiles named "second"
    Then the list holds exactly the profile "second"

  Scenario: A second profile of the same name is refused
    Given a profile "twice" with the channels:
      | channel | template | language |
    When it creates a profile "twice" with the channels:
      | channel | template | language |
    Then it is refused as a conflict naming the profile "twice"

  Scenario: A template that does not exist in its channel is refused, naming it
    Given an SMS template "welcome" in en
    When it creates a profile "broken" with the channels:
      | channel | template | language |
      | SMS     | welcome  | en       |
      | SMS     | missing  | de       |
      | VOICE   | welcome  | en       |
    Then the profile is refused because the SMS template "missing" does not exist, naming the field "channels[0].templates[1].name"
    And the profile is refused because the VOICE template "welcome" does not exist, naming the field "channels[1].templates[0].name"

  Scenario: A channel has at most one template per language
    Given an SMS template "welcome" in en_US
    And an SMS template "hello" in en_US
    When it creates a profile "two_english" with the channels:
      | channel | template | language |
      | SMS     | welcome  | en_US    |
      | SMS     | hello    | en_US    |
    Then it is refused as a conflict over a second SMS template in en_US

  Scenario: Entries of one channel given twice are merged into the first
    Given an SMS template "welcome" in en
    And an SMS template "welcome_de" in de
    And a Voice template "call" in en
    When it creates a profile "merged" with the channels:
      | channel | template   | language |
      | SMS     | welcome    | en       |
      | VOICE   | call       | en       |
      | SMS     | welcome_de | de       |
    Then the profile is created
    And the profile "merged" has the channels:
      | channel | template   | language |
      | SMS     | welcome    | en       |
      | SMS     | welcome_de | de       |
      | VOICE   | call       | en       |
    When it creates a profile "merged_twice" with the channels:
      | channel | template   | language |
      | VOICE   | call       | en       |
      | SMS     | welcome    | en       |
      | VOICE   | call       | en       |
    Then it is refused as a conflict over a second VOICE template in en

  Scenario: A WhatsApp channel needs the account's WhatsApp configuration
    Given an account without a WhatsApp configuration
    When it creates a profile "whatsapp" with the WHATSAPP template "otp_login" in en
    Then it is forbidden for want of a WhatsApp configuration

  Scenario: A WhatsApp channel cannot be added or changed in without the WhatsApp configuration
    Given an account without a WhatsApp configuration
    And an SMS template "welcome" in en
    And a profile "register" with the SMS template "welcome" in en
    When it adds to the profile "register" the templates:
      | channel  | template  | language |
      | WHATSAPP | otp_login | en       |
    Then it is forbidden for want of a WhatsApp configuration
    When it changes the channels of the profile "register" to:
      | channel  | template  | language |
      | WHATSAPP | otp_login | en       |
    Then it is forbidden for want of a WhatsApp configuration

  @destructive
  Scenario: A WhatsApp template is named by its name and language
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_profile" in en
    When it creates a profile "whatsapp" with the WHATSAPP template "otp_profile" in en
    Then the profile is created
    And the profile "whatsapp" has the channels:
      | channel  | template    | language |
      | WHATSAPP | otp_profile | en       |
    When it creates a profile "whatsapp_de" with the WHATSAPP template "otp_profile" in de
    Then the profile is refused because the WHATSAPP template "otp_profile" does not exist, naming the field "channels[0].templates[0].name"

  Scenario: A change names only what it changes
    Given an SMS template "welcome" in en
    And a profile "before" with the SMS template "welcome" in en
    When it renames the profile "before" to "after"
    Then the change is accepted
    And the profile "after" reads back with 3 attempts and numeric codes of 6 characters
    When it changes the profile "after" to 7 attempts and alphanumeric codes of 4 characters
    Then the change is accepted
    And the profile "after" reads back with 7 attempts and alphanumeric codes of 4 characters
    And the profile "after" has the channels:
      | channel | template | language |
      | SMS     | welcome  | en       |

  Scenario: Channels given in a change replace all channels
    Given an SMS template "welcome" in en
    And a Viber template "viber" in de
    And a profile "switch" with the SMS template "welcome" in en
    When it changes the channels of the profile "switch" to:
      | channel | template | language |
      | VIBER   | viber    | de       |
    Then the change is accepted
    And the profile "switch" has the channels:
      | channel | template | language |
      | VIBER   | viber    | de       |

  Scenario: A rename onto a name in use is refused and changes nothing
    Given an SMS template "welcome" in en
    And a profile "taken" with the SMS template "welcome" in en
    And a profile "mine" with the SMS template "welcome" in en
    When it renames the profile "mine" to "taken"
    Then it is refused as a conflict naming the profile "taken"
    And the profile "mine" reads back with 3 attempts and numeric codes of 6 characters
    And the profile "mine" has the channels:
      | channel | template | language |
      | SMS     | welcome  | en       |

  Scenario: A change to a template that does not exist is refused and changes nothing
    Given an SMS template "welcome" in en
    And a profile "mine" with the SMS template "welcome" in en
    When it changes the channels of the profile "mine" to:
      | channel | template | language |
      | SMS     | missing  | en       |
    Then the profile is refused because the SMS template "missing" does not exist, naming the field "channels[0].templates[0].name"
    And the profile "mine" has the channels:
      | channel | template | language |
      | SMS     | welcome  | en       |

  Scenario Outline: A change follows the rules of creation and changes nothing when it breaks one: <rule>
    Given an SMS template "welcome" in en
    And a profile "mine" with the SMS template "welcome" in en
    When it <change>
    Then the profile is refused as invalid, naming <naming>
    And the profile "mine" reads back with 3 attempts and numeric codes of 6 characters
    And the profile "mine" has the channels:
      | channel | template | language |
      | SMS     | welcome  | en       |

    Examples:
      | rule                                     | change                                                                 | naming                                        |
      | at most 10 attempts                      | allows 11 attempts to the profile "mine"                               | the field "attempts"                          |
      | codes of at least 4 characters, alphanumeric "true" or "false" | gives the profile "mine" codes of 3 characters, alphanumeric "maybe" | the fields "otpCodeLength" and "alphanumeric" |
      | a channel the contract names             | changes the channel of the profile "mine" to the unknown channel "FAX" | the field "channels[0].type"                  |

  Scenario: Added templates join their channel, or add the channel at the end
    Given an SMS template "welcome" in en
    And an SMS template "welcome_fr" in fr
    And a Voice template "call" in en
    And a profile "growing" with the SMS template "welcome" in en
    When it adds to the profile "growing" the templates:
      | channel | template   | language |
      | VOICE   | call       | en       |
      | SMS     | welcome_fr | fr       |
    Then the templates are added
    And the profile "growing" has the channels:
      | channel | template   | language |
      | SMS     | welcome    | en       |
      | SMS     | welcome_fr | fr       |
      | VOICE   | call       | en       |

  Scenario: A template of a language its channel has already cannot be added
    Given a Voice template "call" in en_US
    And a Voice template "call_again" in en
    And a profile "voice" with the VOICE template "call" in en_US
    When it adds to the profile "voice" the templates:
      | channel | template   | language |
      | VOICE   | call_again | en_US    |
    Then it is refused as a conflict over a second VOICE template in en_US
    And the profile "voice" has the channels:
      | channel | template | language |
      | VOICE   | call     | en_US    |

  Scenario: A template that does not exist cannot be added
    Given a profile "empty" with the channels:
      | channel | template | language |
    When it adds to the profile "empty" the templates:
      | channel | template | language |
      | VIBER   | missing  | en       |
    Then the profile is refused because the VIBER template "missing" does not exist, naming the field "channels[0].templates[0].name"
    And the profile "empty" has no channels

  Scenario Outline: An addition of templates that breaks the contract is refused and adds nothing: <problem>
    Given a profile "empty" with the channels:
      | channel | template | language |
    When it adds to the profile "empty" <addition>
    Then the profile is refused as invalid, naming the field "<field>"
    And the profile "empty" has no channels

    Examples:
      | problem              | addition                               | field                    |
      | no channel           | no channel at all                      | channels                 |
      | a template of null   | an SMS channel whose template is null  | channels[0].templates[0] |

  Scenario: A template removed from a profile leaves every channel of the profile
    Given an SMS template "welcome" in en
    And an SMS template "welcome_de" in de
    And a Voice template "welcome" in en
    And a profile "both" with the channels:
      | channel | template   | language |
      | SMS     | welcome    | en       |
      | SMS     | welcome_de | de       |
      | VOICE   | welcome    | en       |
    When it removes the template "welcome" from the profile "both"
    Then the change is accepted
    And the profile "both" has the channels:
      | channel | template   | language |
      | SMS     | welcome_de | de       |
      | VOICE   |            |          |
    When it removes the template "welcome" from the profile "both"
    Then it is not found, naming the template "welcome"

  Scenario Outline: A <channel> template that a profile uses cannot be deleted
    Given a <channel> template "welcome" in en
    And a profile "register" with the <channel> template "welcome" in en
    When it deletes the <channel> template "welcome"
    Then it is refused as a conflict: the template "welcome" is used by the profile "register"
    When it removes the template "welcome" from the profile "register"
    Then the change is accepted
    When it deletes the <channel> template "welcome"
    Then the deletion is accepted

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  @destructive
  Scenario: A WhatsApp template that a profile uses cannot be deleted
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_in_use" in en
    And a profile "whatsapp" with the WHATSAPP template "otp_in_use" in en
    When it deletes the WhatsApp template "otp_in_use" in en
    Then it is refused as a conflict: the template "otp_in_use" is used by the profile "whatsapp"
    When it deletes the profile "whatsapp"
    Then the deletion is accepted
    When it deletes the WhatsApp template "otp_in_use" in en
    Then the WhatsApp template is deleted

  Scenario: A deleted profile is gone
    Given a profile "short_lived" with the channels:
      | channel | template | language |
    When it deletes the profile "short_lived"
    Then the deletion is accepted
    And the profile "short_lived" is no longer found

  Scenario: A deleted profile cannot be deleted again
    Given a profile "short_lived" with the channels:
      | channel | template | language |
    And it deletes the profile "short_lived"
    When it deletes the profile "short_lived" again
    Then the profile is not found, naming its id

  Scenario Outline: A profile that does not exist is not found when it <action> it
    When it <action> a profile that does not exist
    Then the profile is not found, naming its id

    Examples:
      | action  |
      | reads   |
      | changes |
      | deletes |

  Scenario: Templates are neither added to nor removed from a profile that does not exist
    Given an SMS template "welcome" in en
    When it adds templates to a profile that does not exist:
      | channel | template | language |
      | SMS     | welcome  | en       |
    Then the profile is not found, naming its id
    When it removes the template "welcome" from a profile that does not exist
    Then the profile is not found, naming its id

  Scenario Outline: A profile id that is not a UUID is refused
    When it reads the profile with the id "<id>"
    Then the profile is refused as invalid, naming the field "id"

    Examples:
      | id                                    |
      | not-a-uuid                            |
      | 3fa85f64-5717-4562-b3fc-2c963f66afa6x |

  Scenario: A profile's name has at most 256 characters
    When it creates a profile with a name of 256 characters
    Then the profile is created
    When it creates a profile with a name of 257 characters
    Then the profile is refused as invalid, naming the field "name"

  @second-account
  Scenario: Another account neither sees, changes nor deletes a profile
    Given an SMS template "welcome" in en
    And a profile "mine" with the SMS template "welcome" in en
    When the other account reads the profile "mine"
    Then the profile is not found, naming its id
    When the other account changes the profile "mine"
    Then the profile is not found, naming its id
    When the other account adds to the profile "mine" the templates:
      | channel | template | language |
      | SMS     | welcome  | de       |
    Then the profile is not found, naming its id
    When the other account removes the template "welcome" from the profile "mine"
    Then the profile is not found, naming its id
    When the other account deletes the profile "mine"
    Then the profile is not found, naming its id
    And the other account's profiles do not include "mine"
    And the profile "mine" has the channels:
      | channel | template | language |
      | SMS     | welcome  | en       |
