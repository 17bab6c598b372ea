Feature: SMS, Viber and Voice templates
  A template is the text of the message that carries an OTP code on one channel, in one language. Its
  message contains the placeholder {{otp_code}} and may contain {{expiration_time}}, the minutes the code
  stays valid: 3 unless the template says otherwise. A name is unique per channel and account, at most 256
  characters; a message has at most 512 characters. The three channels behave alike. Profiles name their
  templates, so a template that a profile uses can be neither renamed nor deleted (its message and expiry
  may change).

  Every scenario gives its templates names with a random suffix and deletes them afterwards.

  Scenario Outline: A <channel> template is created and read back with the default expiry
    When it creates a <channel> template "welcome" in en_US with the message "Your code is {{otp_code}}."
    Then the <channel> template is created
    And the <channel> template "welcome" reads back in en_US with the message "Your code is {{otp_code}}." valid for 3 minutes

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template keeps the expiry it is given
    When it creates a <channel> template "slow" in de valid for 10 minutes
    Then the <channel> template is created
    And the <channel> template "slow" reads back valid for 10 minutes

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: <channel> templates are listed, and filtered by name and by language
    Given a <channel> template "login" in en
    And a <channel> template "login_de" in de
    When it lists the <channel> templates
    Then the list holds the <channel> templates "login" and "login_de"
    When it lists the <channel> templates named "login"
    Then the list holds exactly the <channel> template "login"
    When it lists the <channel> templates in de
    Then the list holds the <channel> template "login_de" but not "login"
    When it lists the <channel> templates named "login_de" in de
    Then the list holds exactly the <channel> template "login_de"
    When it lists the <channel> templates named "login" in de
    Then the list of <channel> templates is empty

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A change to a <channel> template changes only what it names
    Given a <channel> template "welcome" in en_US with the message "Code: {{otp_code}}"
    When it changes the message of the <channel> template "welcome" to "New code: {{otp_code}}"
    Then the change is accepted
    And the <channel> template "welcome" reads back in en_US with the message "New code: {{otp_code}}" valid for 3 minutes
    When it changes the expiry of the <channel> template "welcome" to 7 minutes
    Then the change is accepted
    And the <channel> template "welcome" reads back in en_US with the message "New code: {{otp_code}}" valid for 7 minutes

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template can be renamed to a free name
    Given a <channel> template "before" in en
    When it renames the <channel> template "before" to "after"
    Then the change is accepted
    And the <channel> template "after" reads back under its new name

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A second <channel> template of the same name is refused, whatever its language
    Given a <channel> template "welcome" in en_US
    When it creates a <channel> template "welcome" in de
    Then it is refused as a conflict naming the <channel> template "welcome"

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: Renaming a <channel> template onto a name in use is refused
    Given a <channel> template "first" in en
    And a <channel> template "second" in en
    When it renames the <channel> template "second" to "first"
    Then it is refused as a conflict naming the <channel> template "first"
    And the <channel> template "second" is unchanged

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template that a profile uses keeps its name, and the profile still sends
    Given a <channel> template "welcome" in en
    And a profile "register" with the <channel> template "welcome" in en
    When it renames the <channel> template "welcome" to "greeting"
    Then it is refused as a conflict: the template "welcome" is used by the profile "register"
    And the <channel> template "welcome" is unchanged
    When an OTP with the code "4711" is sent to "+49170000040" with the profile "register"
    Then the OTP is accepted

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: The message of a <channel> template that a profile uses can change
    Given a <channel> template "welcome" in en
    And a profile "register" with the <channel> template "welcome" in en
    When it changes the message of the <channel> template "welcome" to "Hello {{otp_code}}"
    Then the change is accepted

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template that no profile uses any more can be renamed
    Given a <channel> template "welcome" in en
    And a profile "register" with the <channel> template "welcome" in en
    And it removes the template "welcome" from the profile "register"
    When it renames the <channel> template "welcome" to "greeting"
    Then the change is accepted
    And the <channel> template "greeting" reads back under its new name

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario: One name may be used on every channel
    Given an SMS template "welcome" in en
    When it creates a Viber template "welcome" in en
    Then the Viber template is created
    When it creates a Voice template "welcome" in en
    Then the Voice template is created

  Scenario: The templates of every channel are listed together
    Given an SMS template "all_sms" in en
    And a Viber template "all_viber" in de with the message "Ihr Code: {{otp_code}}"
    And a Voice template "all_voice" in fr
    When it lists the templates of every channel
    Then the templates of every channel include the SMS template "all_sms" as it was created
    And the templates of every channel include the Viber template "all_viber" as it was created
    And the templates of every channel include the Voice template "all_voice" as it was created

  Scenario Outline: A deleted <channel> template is gone
    Given a <channel> template "welcome" in en
    When it deletes the <channel> template "welcome"
    Then the deletion is accepted
    And the <channel> template "welcome" is no longer found

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A deleted <channel> template cannot be deleted again
    Given a <channel> template "welcome" in en
    And it deletes the <channel> template "welcome"
    When it deletes the <channel> template "welcome" again
    Then it is not found, naming the template's id

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template that does not exist is not found
    When it asks for a <channel> template that does not exist
    Then it is not found, naming the template's id
    When it patches a <channel> template that does not exist
    Then it is not found, naming the template's id
    When it deletes a <channel> template that does not exist
    Then it is not found, naming the template's id

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: An id that is not a UUID is refused or not found, never a server error
    When it asks for the <channel> template with the id "<id>"
    Then it is refused as invalid or not found, never as a server error

    Examples:
      | channel | id                                    |
      | SMS     | not-a-uuid                            |
      | Viber   | 12345                                 |
      | Voice   | 3fa85f64-5717-4562-b3fc-2c963f66afa6x |

  Scenario Outline: A <channel> template without its <field> is refused, naming it
    When it creates a <channel> template without a <field>
    Then the template is refused as invalid, naming the field "<field>"

    Examples:
      | channel | field    |
      | SMS     | name     |
      | SMS     | language |
      | SMS     | message  |
      | Viber   | name     |
      | Viber   | language |
      | Viber   | message  |
      | Voice   | name     |
      | Voice   | language |
      | Voice   | message  |

  Scenario Outline: A <channel> template whose message lacks the code placeholder is refused
    When it creates a <channel> template whose message lacks the code placeholder
    Then the template is refused as invalid, naming the field "message"

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template's name is at most 256 characters
    When it creates a <channel> template with a name of 256 characters
    Then the <channel> template is created
    When it creates a <channel> template with a name of 257 characters
    Then the template is refused as invalid, naming the field "name"

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template's message is at most 512 characters
    When it creates a <channel> template with a message of 512 characters
    Then the <channel> template is created
    When it creates a <channel> template with a message of 513 characters
    Then the template is refused as invalid, naming the field "message"

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A <channel> template in a language the contract does not list is refused
    When it creates a <channel> template in the unknown language "<language>"
    Then the template is refused as invalid, naming the field "language"
    When it lists the <channel> templates in the unknown language "<language>"
    Then the template is refused as invalid, naming the field "language"

    Examples:
      | channel | language |
      | SMS     | en_UK    |
      | Viber   | klingon  |
      | Voice   | EN       |

  Scenario Outline: A code valid for less than a minute is refused
    When it creates a <channel> template valid for <minutes> minutes
    Then the template is refused as invalid, naming the field "codeExpirationTime"

    Examples:
      | channel | minutes |
      | SMS     | 0       |
      | Viber   | -5      |
      | Voice   | 0       |

  Scenario Outline: A <field> given as <kind> is refused, naming it
    When it creates a <channel> template with its <field> given as <kind>
    Then the template is refused as invalid, naming the field "<field>"

    Examples:
      | channel | field              | kind      |
      | SMS     | codeExpirationTime | text      |
      | SMS     | name               | a number  |
      | Viber   | message            | a list    |
      | Viber   | language           | a number  |
      | Voice   | name               | an object |
      | Voice   | message            | a boolean |

  Scenario Outline: A malformed JSON body is refused
    When it creates a <channel> template from a malformed JSON body
    Then the template is refused as invalid, naming the field "body"

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  Scenario Outline: A change that breaks the rules is refused and changes nothing
    Given a <channel> template "welcome" in en
    When it changes the message of the <channel> template "welcome" to one that lacks the code placeholder
    Then the template is refused as invalid, naming the field "message"
    And the <channel> template "welcome" is unchanged

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |

  @second-account
  Scenario Outline: Another account can neither see, change nor delete a <channel> template
    Given a <channel> template "private" in en
    When the other account reads the <channel> template "private"
    Then it is not found, naming the template's id
    When the other account renames the <channel> template "private" to "stolen"
    Then it is not found, naming the template's id
    When the other account deletes the <channel> template "private"
    Then it is not found, naming the template's id
    And the other account's <channel> templates do not include "private"
    And the other account's templates of every channel do not include the <channel> template "private"
    And the <channel> template "private" is unchanged

    Examples:
      | channel |
      | SMS     |
      | Viber   |
      | Voice   |
