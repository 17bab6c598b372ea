@abuse
Feature: Abuse is stopped
  An OTP service is a target. Attackers guess codes, race validations of a code they have, use a verified code
  again, probe whether ids of another account exist, and have OTPs sent to numbers that earn them a share of the
  fee (SMS pumping). The server stops each: an OTP allows only its profile's attempts, exactly one validation
  verifies it, another account's OTP looks exactly like one that does not exist, and an account that sends to
  one number again and again is refused for a while (429 with Retry-After, which the contract documents).

  These scenarios need no simulator, except the last; the one about sending sends OTPs to one number until the
  server refuses one, 20 at most.

  Background:
    Given an SMS template "guarded_code" in en with the message "Your code: {{otp_code}}"
    And a profile "guarded" with the SMS template "guarded_code" in en

  Scenario: Guessing stops at the attempt limit, and then even the right code no longer verifies
    Given an OTP with the code "4711" sent to "+49170000040" with the profile "guarded"
    When 10 wrong codes are guessed one after the other
    Then the first 2 guesses answer WRONG_CODE and every later one TOO_MANY_ATTEMPTS
    When the code "4711" is validated
    Then the validation answers TOO_MANY_ATTEMPTS
    And the OTP reads back as TOO_MANY_ATTEMPTS with 3 of 3 attempts used

  Scenario: Of many validations of the right code at once, exactly one verifies the OTP
    Given an OTP with the code "4711" sent to "+49170000041" with the profile "guarded"
    When the code "4711" is validated 10 times at once
    Then exactly one validation answers VERIFIED and every other ALREADY_REPORTED
    And the OTP reads back as VERIFIED with 1 of 3 attempts used

  Scenario: A verified code cannot be used again
    Given an OTP with the code "4711" sent to "+49170000042" with the profile "guarded"
    When the code "4711" is validated
    Then the validation answers VERIFIED
    When the code "4711" is validated 5 more times
    Then every one of them answers ALREADY_REPORTED
    And the OTP reads back as VERIFIED with 1 of 3 attempts used

  @second-account
  Scenario Outline: Another account's OTP is indistinguishable from one that does not exist
    Given an OTP with the code "4711" sent to "+49170000043" with the profile "guarded"
    When the other account <action> the OTP, and an OTP that does not exist
    Then both answers are the same but for the id
    And the OTP reads back as ACTIVE with 0 of 3 attempts used

    Examples:
      | action    |
      | reads     |
      | validates |
      | deletes   |

  Scenario: Sending to one number again and again is refused for a while, and other numbers are not
    When OTPs are sent to "+49170000044" with the profile "guarded" until the server refuses one, at most 20
    Then the server refused the send as too many requests, saying when to retry
    And the refused send stored no OTP
    When an OTP is sent to "+49170000045" with the profile "guarded"
    Then the OTP is accepted

  @simulator @clock
  Scenario: Once the time the server asked to wait has passed, the number is accepted again
    When OTPs are sent to "+49170000046" with the profile "guarded" until the server refuses one, at most 20
    And the server's clock moves forward by the time the server asked to wait
    And an OTP is sent to "+49170000046" with the profile "guarded"
    Then the OTP is accepted
