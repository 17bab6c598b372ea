Feature: The life of an OTP
  An OTP is sent to a number with a profile: the profile's templates carry the code, and its rules say how
  many attempts the OTP allows and what a generated code looks like (6 digits unless the profile says
  otherwise). A client may give the code itself (4 to 11 characters, no uppercase letters). Sending answers
  202 with the OTP's id at once; delivery happens afterwards. The OTP expires after the first channel's
  template's validity.

  Validation follows the OTP's status: a wrong code counts an attempt and answers WRONG_CODE; the wrong code
  that uses the last attempt answers TOO_MANY_ATTEMPTS, and so does every later validation; the right code
  answers VERIFIED, and every later validation ALREADY_REPORTED; an expired OTP answers EXPIRED and counts no
  attempt. The list of OTPs is newest first, filtered by recipient and by VERIFIED or TOO_MANY_ATTEMPTS.

  Scenarios tagged @simulator read the code at the simulator's handset; those tagged @clock move the account's
  clock as well.

  Background:
    Given an SMS template "login_code" in en_US with the message "Your login code: {{otp_code}}"
    And a profile "login" with the SMS template "login_code" in en_US

  Scenario: An OTP with a code of the client's is accepted and reads back as active
    When an OTP with the code "4711" is sent to "+49170000001" with the profile "login"
    Then the OTP is accepted
    And the OTP reads back as ACTIVE with 0 of 3 attempts used
    And the OTP reads back sent to "+49170000001", expiring 3 minutes after it was created

  Scenario: The right code verifies the OTP, and every later validation is already reported
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When the code "4711" is validated
    Then the validation answers VERIFIED
    And the OTP reads back as VERIFIED with 1 of 3 attempts used
    When the code "4711" is validated
    Then the validation answers ALREADY_REPORTED
    When a wrong code is validated
    Then the validation answers ALREADY_REPORTED
    And the OTP reads back as VERIFIED with 1 of 3 attempts used

  Scenario: A wrong code first, then the right one
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When a wrong code is validated
    Then the validation answers WRONG_CODE
    And the OTP reads back as WRONG_CODE with 1 of 3 attempts used
    When the code "4711" is validated
    Then the validation answers VERIFIED
    And the OTP reads back as VERIFIED with 2 of 3 attempts used

  Scenario: The wrong code that uses the last attempt ends the OTP
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When a wrong code is validated
    Then the validation answers WRONG_CODE
    When a wrong code is validated
    Then the validation answers WRONG_CODE
    When a wrong code is validated
    Then the validation answers TOO_MANY_ATTEMPTS
    And the OTP reads back as TOO_MANY_ATTEMPTS with 3 of 3 attempts used
    When the code "4711" is validated
    Then the validation answers TOO_MANY_ATTEMPTS
    And the OTP reads back as TOO_MANY_ATTEMPTS with 3 of 3 attempts used

  @simulator
  Scenario: The recipient receives a generated code of six digits, which verifies the OTP
    When an OTP is sent to "+49170000002" with the profile "login"
    Then the OTP is accepted
    And the recipient receives a code of 6 digits
    When the code the recipient received is validated
    Then the validation answers VERIFIED

  @simulator
  Scenario: A profile decides the length of generated codes and whether letters join the digits
    Given an SMS template "short_code" in en with the message "Code: {{otp_code}}"
    When it creates a profile "letters" with 2 attempts, alphanumeric codes of 9 characters and the channels:
      | channel | template   | language |
      | SMS     | short_code | en       |
    And the profile is created
    And an OTP is sent to "+49170000003" with the profile "letters"
    Then the recipient receives a code of 9 lowercase letters and digits
    And the OTP reads back as ACTIVE with 0 of 2 attempts used
    When the code the recipient received is validated
    Then the validation answers VERIFIED

  @simulator
  Scenario: The recipient receives the code the client gave
    When an OTP with the code "k3x9p2" is sent to "+49170000004" with the profile "login"
    Then the recipient receives "Your login code: k3x9p2" on SMS

  @simulator @clock
  Scenario: An OTP expires after its template's validity and then counts no attempt
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When the account's clock moves forward 181 seconds
    Then the OTP reads back as EXPIRED with 0 of 3 attempts used
    When the code "4711" is validated
    Then the validation answers EXPIRED
    And the OTP reads back as EXPIRED with 0 of 3 attempts used

  Scenario: A deleted OTP is gone
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When it deletes the OTP
    Then the OTP is deleted
    And the OTP is no longer found

  Scenario: A deleted OTP cannot be deleted again
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    And it deletes the OTP
    When it deletes the OTP again
    Then the OTP is not found, naming its id

  Scenario: OTPs are listed newest first, by recipient
    Given an OTP "older" with the code "1111" sent to "+49170000005" with the profile "login"
    And an OTP "newer" with the code "2222" sent to "+49170000005" with the profile "login"
    And an OTP "elsewhere" with the code "3333" sent to "+49170000006" with the profile "login"
    When it lists the OTPs sent to "+49170000005"
    Then the list holds the OTPs "newer" and "older", newest first
    And the list holds the OTP "newer" but not "elsewhere"
    And every OTP in the list was sent to "+49170000005"

  Scenario: OTPs are listed by their final status
    Given an OTP "verified" with the code "1111" sent to "+49170000007" with the profile "login"
    And an OTP "pending" with the code "2222" sent to "+49170000007" with the profile "login"
    When the code "1111" is validated for the OTP "verified"
    And it lists the OTPs that are VERIFIED
    Then the list holds the OTP "verified" but not "pending"
    And every OTP in the list is VERIFIED
    When it lists the OTPs sent to "+49170000007" that are VERIFIED
    Then the list holds the OTP "verified" but not "pending"

  Scenario: The list filters only by the statuses the contract names
    When it lists the OTPs that are ACTIVE
    Then the OTP request is refused as invalid, naming the field "otpStatus"

  Scenario Outline: An OTP that does not exist is not found
    When it <action> an OTP that does not exist
    Then the OTP is not found, naming its id

    Examples:
      | action    |
      | reads     |
      | validates |
      | deletes   |

  Scenario Outline: A malformed OTP id is refused as invalid
    When it <action> the OTP with the id "not-a-uuid"
    Then the OTP request is refused as invalid, naming the field "otp-id"

    Examples:
      | action    |
      | reads     |
      | validates |
      | deletes   |

  @second-account
  Scenario Outline: Another account's OTP is not found
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When the other account <action> the OTP
    Then the OTP is not found, naming its id
    And the OTP reads back as ACTIVE with 0 of 3 attempts used

    Examples:
      | action    |
      | reads     |
      | validates |
      | deletes   |

  Scenario Outline: A request to send an OTP that breaks a rule is refused, naming the field
    When an OTP is sent to "+49170000001" with the profile "login", its <field> being "<value>"
    Then the OTP request is refused as invalid, naming the field "<field>"

    Examples:
      | field        | value          |
      | to           | 0170 1234567   |
      | to           | +12345         |
      | otpCode      | ABCD           |
      | otpCode      | 123            |
      | otpCode      | 123456789012   |
      | senderViber  | 12             |
      | languageCode | xx             |
      | languageCode | de             |
      | priorityName | no_such_order  |

  Scenario Outline: An OTP needs a recipient and a profile that exists: <problem>
    When an OTP is sent <request>
    Then the OTP request is refused as invalid, naming the field "<field>"

    Examples:
      | problem                | request                                                | field       |
      | no recipient           | with the profile "login" but without a recipient       | to          |
      | no profile             | to "+49170000001" without a profile                    | profileName |
      | an unknown profile     | to "+49170000001" with a profile that does not exist   | profileName |

  Scenario Outline: A validation needs a code of 4 to 11 characters, and a refused one counts no attempt: <problem>
    Given an OTP with the code "4711" sent to "+49170000001" with the profile "login"
    When <validation>
    Then the OTP request is refused as invalid, naming the field "otpCode"
    And the OTP reads back as ACTIVE with 0 of 3 attempts used

    Examples:
      | problem          | validation                             |
      | no code          | the OTP is validated without a code    |
      | 3 characters     | a code of 3 characters is validated    |
      | 12 characters    | a code of 12 characters is validated   |
