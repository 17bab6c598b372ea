@webhook
Feature: Delivery events posted to webhooks
  Every delivery event of an OTP (DISPATCHED when a channel takes the message, then DELIVERED, UNDELIVERABLE
  with an error, or TIMED_OUT) is posted to each callback configuration of the account that is for every
  profile or for the OTP's profile: a DeliveryStatus body (a DeliveryStatusWithError for UNDELIVERABLE) with
  the configured headers and a header X-Twofa-Event-Id that names the event. Events of one OTP arrive in
  order. Delivery is at least once: an event that is not answered with 2xx is posted again later, with the
  same event id, and the events after it wait for it.

  These scenarios register the suite's own webhook receiver (its URL is the configuration
  conformance.callbackUrl, or its local address) and check every event against the contract. They send to
  the simulator's numbers (@simulator): +9999900001... is UNDELIVERABLE on the preferred channel. The
  simulator also lists an account's webhook deliveries, and shows them to that account only.

  Background:
    Given an SMS template "sms_code" in en with the message "Your code {{otp_code}}"
    And a Viber template "viber_code" in en with the message "Your code {{otp_code}}"
    And a profile "login" with the channels:
      | channel | template   | language |
      | SMS     | sms_code   | en       |
      | VIBER   | viber_code | en       |

  @simulator
  Scenario: The events of a delivered OTP arrive in order, with the configured headers and their own ids
    Given a webhook receiver "hooks" for every profile with the headers:
      | Authorization | Bearer conformance-token |
      | X-Tenant      | acme                     |
    When an OTP is sent to "+49170000020" with the profile "login"
    Then the OTP is accepted
    And the webhook receiver "hooks" receives the events "SMS DISPATCHED, SMS DELIVERED"
    And every event at "hooks" carries the header "Authorization" with "Bearer conformance-token"
    And every event at "hooks" carries the header "X-Tenant" with "acme"
    And every event at "hooks" has an event id of its own

  @simulator
  Scenario: A fallback reports every attempt, and the undeliverable one with its error
    Given a webhook receiver "hooks" for every profile
    When an OTP is sent to "+9999900001" with the profile "login"
    Then the webhook receiver "hooks" receives the events "SMS DISPATCHED, SMS UNDELIVERABLE, VIBER DISPATCHED, VIBER DELIVERED"
    And the UNDELIVERABLE event at "hooks" carries an error with a code and a message
    And no event other than UNDELIVERABLE carries an error at "hooks"

  @simulator
  Scenario: When every channel times out, each attempt is reported
    Given a webhook receiver "hooks" for every profile
    When an OTP is sent to "+9999900004" with the profile "login"
    Then the webhook receiver "hooks" receives the events "SMS DISPATCHED, SMS TIMED_OUT, VIBER DISPATCHED, VIBER TIMED_OUT"

  @simulator
  Scenario: A configuration for a profile gets the events of that profile's OTPs only
    Given a profile "other" with the SMS template "sms_code" in en
    And a webhook receiver "all" for every profile
    And a webhook receiver "mine" for the profile "login"
    And a webhook receiver "theirs" for the profile "other"
    When an OTP is sent to "+49170000021" with the profile "login"
    Then the webhook receiver "all" receives the events "SMS DISPATCHED, SMS DELIVERED"
    And the webhook receiver "mine" receives the events "SMS DISPATCHED, SMS DELIVERED"
    And the webhook receiver "theirs" receives no event of the OTP

  @simulator
  Scenario: An event that the receiver refuses is posted again with the same id, and the next one waits for it
    Given a webhook receiver "flaky" for every profile
    And the webhook receiver "flaky" answers the first request with the status 500
    When an OTP is sent to "+49170000022" with the profile "login"
    Then the webhook receiver "flaky" receives the events "SMS DISPATCHED, SMS DELIVERED"
    And the first event at "flaky" was posted again after the status 500, with the same event id

  @simulator @second-account
  Scenario: The simulator lists an account's webhook deliveries, and to that account only
    Given a webhook receiver "hooks" for every profile
    When an OTP is sent to "+49170000023" with the profile "login"
    Then the webhook receiver "hooks" receives the events "SMS DISPATCHED, SMS DELIVERED"
    And the simulator lists the deliveries of the OTP to "hooks" as "SMS DISPATCHED delivered, SMS DELIVERED delivered"
    And the other account's simulator lists no delivery of the OTP

  @simulator @extension
  Scenario: The account sees where its webhook events went and how each delivery ended
    Given a webhook receiver "hooks" for every profile
    When an OTP is sent to "+49170000024" with the profile "login"
    Then the webhook receiver "hooks" receives the events "SMS DISPATCHED, SMS DELIVERED"
    And the account's webhook deliveries of the OTP to "hooks" are "SMS DISPATCHED DELIVERED, SMS DELIVERED DELIVERED", to the configuration's URL
    And each of those deliveries carries the time of its event, as posted to "hooks"

  @simulator @extension
  Scenario: A delivered webhook event is not delivered again on request
    Given a webhook receiver "hooks" for every profile
    When an OTP is sent to "+49170000025" with the profile "login"
    Then the webhook receiver "hooks" receives the events "SMS DISPATCHED, SMS DELIVERED"
    When the account asks for the OTP's first webhook delivery to be delivered again
    Then the redelivery is refused: only a failed delivery can be delivered again

  @extension
  Scenario: Delivering again what the account does not have is refused as not found
    When the account asks for a webhook delivery it does not have to be delivered again
    Then the redelivery is refused: there is no such delivery

  @extension
  Scenario: Failed deliveries of a callback configuration the account does not have are not found
    When the account asks for the failed webhook deliveries of a callback configuration it does not have
    Then the redelivery is refused: there is no such delivery

  @extension
  Scenario: A callback configuration without failed deliveries has nothing to deliver again
    Given a webhook receiver "hooks" for every profile
    When the account asks for the failed webhook deliveries of "hooks" to be delivered again
    Then 0 webhook deliveries are put back in line
