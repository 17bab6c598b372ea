@simulator
Feature: The simulator's controls answer for one account
  twofa-kit's simulator stands in for the channels. Its handset keeps the messages the channels sent for an
  account, codes included; each account has a clock of its own that can be moved forward, so that OTPs
  expire without waiting; and it lists the account's webhook deliveries. Its controls need the API key, like
  the 2FA API, and show or change only the key's account: another account's messages are never shown, and
  moving one account's clock leaves every other account on its own time.

  Scenario Outline: The simulator refuses a client without an API key when it <action>
    Given a client without an API key
    When it <action>
    Then the request is refused as unauthorized

    Examples:
      | action                              |
      | lists the handset's messages        |
      | reads its clock                     |
      | moves its clock forward 600 seconds |
      | lists its webhook deliveries        |

  Scenario Outline: The simulator refuses a client with an unknown API key when it <action>
    Given a client with an unknown API key
    When it <action>
    Then the request is refused as unauthorized

    Examples:
      | action                              |
      | lists the handset's messages        |
      | reads its clock                     |
      | moves its clock forward 600 seconds |
      | lists its webhook deliveries        |

  Scenario: The account's clock tells how far it was moved ahead of the real time
    When the account's clock moves forward 600 seconds
    Then the account's clock reads at least 600 seconds ahead of the real time

  @second-account
  Scenario: Another account does not see an account's messages
    Given an SMS template "login_code" in en with the message "Your login code: {{otp_code}}"
    And a profile "login" with the SMS template "login_code" in en
    When an OTP with the code "k3x9p2" is sent to "+49170000030" with the profile "login"
    Then the recipient receives "Your login code: k3x9p2" on SMS
    And the other account's handset shows no message of the OTP

  @second-account @clock
  Scenario: Moving another account's clock leaves the account's time and OTPs alone
    Given an SMS template "login_code" in en with the message "Your login code: {{otp_code}}"
    And a profile "login" with the SMS template "login_code" in en
    And an OTP with the code "4711" sent to "+49170000031" with the profile "login"
    And the time on the account's clock is noted
    When the other account moves its clock forward 181 seconds
    Then the account's clock has moved on less than 181 seconds since
    And the OTP reads back as ACTIVE with 0 of 3 attempts used
    When the code "4711" is validated
    Then the validation answers VERIFIED
