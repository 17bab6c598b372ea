@simulator
Feature: Delivery over the channels, with a fallback
  An OTP is tried on its channels in order until one delivers it: the priority's channels by ascending
  priority when the request names a priority, otherwise the profile's channels in the profile's order. Each
  channel uses the profile's template for the requested language, else for its base language (en_US -> en);
  a channel with neither is skipped. Without a language, each channel's first template is used.

  The simulator stands in for the channels and decides from the recipient's number:
    +9999900001... the preferred channel is UNDELIVERABLE, the backup DELIVERED
    +9999900002... the preferred channel TIMED_OUT, the backup DELIVERED
    +9999900003... every channel UNDELIVERABLE
    +9999900004... every channel TIMED_OUT
    any other number: DELIVERED on the preferred channel
  Its handset records every attempt with the rendered text; these scenarios read it.

  Background:
    Given an SMS template "sms_code" in en with the message "SMS code {{otp_code}}, valid {{expiration_time}} min"
    And a Viber template "viber_code" in en with the message "Viber code {{otp_code}}"
    And a profile "two_channels" with the channels:
      | channel | template   | language |
      | SMS     | sms_code   | en       |
      | VIBER   | viber_code | en       |

  Scenario Outline: The simulated channels decide by the recipient, and a failure falls back to the next channel
    When an OTP with the code "4711" is sent to "<recipient>" with the profile "two_channels"
    Then the OTP is accepted
    And the recipient's handset shows the attempts "<attempts>"

    Examples:
      | recipient      | attempts                                  |
      | +49170000010   | SMS DELIVERED                             |
      | +9999900001    | SMS UNDELIVERABLE, VIBER DELIVERED        |
      | +9999900002    | SMS TIMED_OUT, VIBER DELIVERED            |
      | +9999900003    | SMS UNDELIVERABLE, VIBER UNDELIVERABLE    |
      | +9999900004    | SMS TIMED_OUT, VIBER TIMED_OUT            |

  Scenario: The backup channel carries its own template
    When an OTP with the code "4711" is sent to "+9999900001" with the profile "two_channels"
    Then the recipient receives "Viber code 4711" on Viber

  Scenario: The template renders the code and the minutes it is valid
    When an OTP with the code "4711" is sent to "+49170000011" with the profile "two_channels"
    Then the recipient receives "SMS code 4711, valid 3 min" on SMS

  Scenario: A priority puts its channels in the order of their priority
    Given a priority "viber_first" trying SMS at 2 and VIBER at 1
    When an OTP is sent to "+9999900001" with the profile "two_channels" and the priority "viber_first"
    Then the OTP is accepted
    And the recipient's handset shows the attempts "VIBER UNDELIVERABLE, SMS DELIVERED"

  Scenario: Without a template in the language or its base language, a channel is skipped
    Given an SMS template "sms_german" in de with the message "Ihr Code {{otp_code}}"
    And a Viber template "viber_english" in en with the message "Your code {{otp_code}}"
    And a profile "mixed" with the channels:
      | channel | template      | language |
      | SMS     | sms_german    | de       |
      | VIBER   | viber_english | en       |
    When an OTP is sent to "+9999900001" with the profile "mixed" in en_US
    Then the OTP is accepted
    And the recipient's handset shows the attempts "VIBER UNDELIVERABLE"

  Scenario: The template of the base language serves a regional language
    Given an SMS template "sms_german" in de with the message "Ihr Code {{otp_code}}"
    And an SMS template "sms_english" in en with the message "Your code {{otp_code}}"
    And a profile "bilingual" with the channels:
      | channel | template    | language |
      | SMS     | sms_german  | de       |
      | SMS     | sms_english | en       |
    When an OTP with the code "4711" is sent to "+49170000012" with the profile "bilingual" in en_GB
    Then the recipient receives "Your code 4711" on SMS

  Scenario: Without a language, each channel's first template is used
    Given an SMS template "sms_german" in de with the message "Ihr Code {{otp_code}}"
    And an SMS template "sms_english" in en with the message "Your code {{otp_code}}"
    And a profile "bilingual" with the channels:
      | channel | template    | language |
      | SMS     | sms_german  | de       |
      | SMS     | sms_english | en       |
    When an OTP with the code "4711" is sent to "+49170000013" with the profile "bilingual"
    Then the recipient receives "Ihr Code 4711" on SMS

  Scenario: Each channel's message comes from the sender the request names for it
    Given a Voice template "voice_code" in en with the message "Your code is {{otp_code}}"
    And a profile "three_channels" with the channels:
      | channel | template   | language |
      | SMS     | sms_code   | en       |
      | VIBER   | viber_code | en       |
      | VOICE   | voice_code | en       |
    When an OTP is sent to "+9999900004" with the profile "three_channels" and the senders:
      | sender      | ACME     |
      | senderViber | 12345    |
      | caller      | ACME Bot |
    Then the recipient's handset shows the attempts "SMS TIMED_OUT, VIBER TIMED_OUT, VOICE TIMED_OUT"
    And the message on SMS comes from "ACME"
    And the message on VIBER comes from "12345"
    And the message on VOICE comes from "ACME Bot"
