Feature: WhatsApp configuration and templates
  An account sends WhatsApp OTPs from the WhatsApp account named in its WhatsApp configuration. It has at
  most one, and the API offers no way to delete it; without one, the account may not use WhatsApp templates
  at all. WhatsApp writes the text of an authentication template itself: the account chooses the button
  (COPY_CODE, or ONE_TAP for an Android app), whether the security recommendation is shown and how long the
  code stays valid. A template is submitted for review: it starts PENDING and is APPROVED shortly after.
  A name and language pair is unique per account. The API has no operation that changes a template, so a
  WhatsApp template cannot be renamed: a profile always finds the template it names, and deleting it is
  refused while a profile uses it.

  The scenarios that need an account without a configuration use whichever account (of the first and the
  second key) has none yet, and are skipped when both have one. The scenarios that need a configuration
  create one for the first account when it has none, which cannot be undone: they are tagged @destructive.
  Every scenario names its templates with a random suffix and deletes them afterwards.

  Scenario: An account without a WhatsApp configuration has none to read
    Given an account without a WhatsApp configuration
    When it reads its WhatsApp configuration
    Then there is no WhatsApp configuration to read

  Scenario: Without a WhatsApp configuration, WhatsApp templates are forbidden
    Given an account without a WhatsApp configuration
    When it submits a WhatsApp template "otp_login" in en
    Then it is forbidden for want of a WhatsApp configuration
    When it searches its WhatsApp templates
    Then it is forbidden for want of a WhatsApp configuration
    When it searches its WhatsApp templates named "otp_login"
    Then it is forbidden for want of a WhatsApp configuration
    When it deletes a WhatsApp template that does not exist
    Then it is forbidden for want of a WhatsApp configuration

  @destructive
  Scenario: A WhatsApp configuration needs a WhatsApp account id that is a UUID
    Given the account has a WhatsApp configuration
    When it creates a WhatsApp configuration without a WhatsApp account id
    Then the WhatsApp configuration is refused as invalid, naming the field "whatsAppAccountId"
    When it creates a WhatsApp configuration with the WhatsApp account id "not-a-uuid"
    Then the WhatsApp configuration is refused as invalid, naming the field "whatsAppAccountId"

  @destructive
  Scenario: A submitted template is pending review, then approved
    Given the account has a WhatsApp configuration
    When it submits a WhatsApp template "otp_review" in en_US
    Then the submission is accepted
    And the WhatsApp template "otp_review" in en_US is PENDING
    And the WhatsApp template "otp_review" in en_US is APPROVED within 30 seconds

  @destructive
  Scenario: A COPY_CODE template shows the text WhatsApp renders, with the security recommendation by default
    Given the account has a WhatsApp configuration
    When it submits a WhatsApp template "otp_copy" in en
    Then the submission is accepted
    And the WhatsApp template "otp_copy" in en reads:
      | accountId                   | <the configured WhatsApp account id>                                          |
      | type                        | OTP                                                                           |
      | otpType                     | COPY_CODE                                                                     |
      | message                     | *{{1}}* is your verification code. For your security, do not share this code. |
      | isAddSecurityRecommendation | true                                                                          |
      | codeExpirationTime          | 3                                                                             |
      | codeExpirationText          | This code expires in 3 minutes.                                               |
      | buttonUrl                   | https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}           |
    And its creation and update times are ISO-8601 without a time zone

  @destructive
  Scenario: A template without the security recommendation, valid longer
    Given the account has a WhatsApp configuration
    When it submits a WhatsApp template "otp_plain" in de without the security recommendation, valid for 10 minutes
    Then the submission is accepted
    And the WhatsApp template "otp_plain" in de reads:
      | message                     | *{{1}}* is your verification code. |
      | isAddSecurityRecommendation | false                              |
      | codeExpirationTime          | 10                                 |
      | codeExpirationText          | This code expires in 10 minutes.   |

  @destructive
  Scenario: A ONE_TAP template names the app that receives the code
    Given the account has a WhatsApp configuration
    When it submits a ONE_TAP WhatsApp template "otp_tap" in en for the app "com.example.app" signed "K8a/AINcGX7"
    Then the submission is accepted
    And the WhatsApp template "otp_tap" in en reads:
      | otpType            | ONE_TAP          |
      | packageName        | com.example.app  |
      | signatureHash      | K8a/AINcGX7      |
      | autofillButtonText | Fill in the code |
      | copyButtonText     | Copy the code    |

  @destructive
  Scenario Outline: A ONE_TAP template without <missing> is refused, naming each missing field
    Given the account has a WhatsApp configuration
    When it submits a ONE_TAP WhatsApp template "otp_tap" in en without "<missing>"
    Then the WhatsApp template is refused as invalid, naming exactly "<missing>"

    Examples:
      | missing                    |
      | packageName                |
      | signatureHash              |
      | packageName, signatureHash |

  @destructive
  Scenario Outline: A template that breaks the contract is refused, naming the field
    Given the account has a WhatsApp configuration
    When it submits a WhatsApp template whose <field> is "<value>"
    Then the WhatsApp template is refused as invalid, naming the field "<field>"

    Examples:
      | field              | value     |
      | name               | Otp-Login |
      | language           | klingon   |
      | otpType            | SMS       |
      | type               | MARKETING |
      | codeExpirationTime | three     |

  @destructive
  Scenario: A code valid for more than 90 minutes, or none, is refused
    Given the account has a WhatsApp configuration
    When it submits a WhatsApp template whose codeExpirationTime is 91
    Then the WhatsApp template is refused as invalid, naming the field "codeExpirationTime"
    When it submits a WhatsApp template whose codeExpirationTime is 0
    Then the WhatsApp template is refused as invalid, naming the field "codeExpirationTime"

  @destructive
  Scenario: A template needs a language
    Given the account has a WhatsApp configuration
    When it submits a WhatsApp template without a language
    Then the WhatsApp template is refused as invalid, naming the field "language"

  @destructive
  Scenario: Submitting the same template again changes nothing
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_login" in en
    When it submits a WhatsApp template "otp_login" in en
    Then the submission is answered as already submitted
    When it searches its WhatsApp templates named "otp_login"
    Then the search finds exactly these WhatsApp templates:
      | name      | language |
      | otp_login | en       |

  @destructive
  Scenario: A name is unique per language
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_login" in en
    When it submits a WhatsApp template "otp_login" in en without the security recommendation, valid for 10 minutes
    Then it is refused as a conflict naming the WhatsApp template "otp_login"
    When it submits a WhatsApp template "otp_login" in de
    Then the submission is accepted

  @destructive
  Scenario: Templates are found by name, by name and language, by language, or all together
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_login" in en
    And a WhatsApp template "otp_login" in de
    And a WhatsApp template "otp_signup" in en
    When it searches its WhatsApp templates
    Then the search finds these WhatsApp templates among others:
      | name       | language |
      | otp_login  | en       |
      | otp_login  | de       |
      | otp_signup | en       |
    When it searches its WhatsApp templates named "otp_login"
    Then the search finds exactly these WhatsApp templates:
      | name      | language |
      | otp_login | en       |
      | otp_login | de       |
    When it searches its WhatsApp templates named "otp_login" in de
    Then the search finds exactly these WhatsApp templates:
      | name      | language |
      | otp_login | de       |
    When it searches its WhatsApp templates in de
    Then the search finds these WhatsApp templates among others:
      | name      | language |
      | otp_login | de       |
    And the search finds none of these WhatsApp templates:
      | name       | language |
      | otp_login  | en       |
      | otp_signup | en       |

  @destructive
  Scenario: A search by a name that no template has finds nothing, with or without a language
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_login" in en
    When it searches its WhatsApp templates named "otp_missing"
    Then no WhatsApp template named "otp_missing" is found
    When it searches its WhatsApp templates named "otp_login" in fr
    Then no WhatsApp template named "otp_login" is found

  @destructive
  Scenario: A deleted template is gone
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_login" in en
    When it deletes the WhatsApp template "otp_login" in en
    Then the WhatsApp template is deleted
    And a search of its WhatsApp templates named "otp_login" finds none

  @destructive
  Scenario: A deleted template cannot be deleted again
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_login" in en
    And it deletes the WhatsApp template "otp_login" in en
    When it deletes that WhatsApp template again
    Then the WhatsApp template is not found, naming its id

  @destructive
  Scenario: A template that does not exist is not found
    Given the account has a WhatsApp configuration
    When it deletes a WhatsApp template that does not exist
    Then the WhatsApp template is not found, naming its id

  @destructive
  Scenario: A search in a language the contract does not know is refused as invalid
    Given the account has a WhatsApp configuration
    When it searches its WhatsApp templates in the unknown language "xx_XX"
    Then the WhatsApp template is refused as invalid, naming the field "language"

  @destructive
  Scenario: An id that cannot be a template id is refused as invalid
    Given the account has a WhatsApp configuration
    When it deletes the WhatsApp template with the id "no*such:id"
    Then the WhatsApp template is refused as invalid, naming the field "template-id"

  @destructive
  Scenario: WhatsApp templates are listed with the templates of every channel
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_overview" in en
    When it lists the templates of every channel
    Then the templates of every channel include the WhatsApp template "otp_overview" in en with its rendered message

  @second-account @destructive
  Scenario: Another account neither sees nor deletes an account's WhatsApp templates
    Given the account has a WhatsApp configuration
    And a WhatsApp template "otp_private" in en
    Then the other account's templates of every channel do not include the WhatsApp template "otp_private" in en
    When the other account deletes the WhatsApp template "otp_private" in en
    Then the other account is refused: it has no such template, or no WhatsApp configuration at all
    And the WhatsApp template "otp_private" in en is still there

  # A configuration cannot be deleted, so this scenario comes last: the scenarios above that need an
  # account without one run before this one configures it.
  @destructive
  Scenario: An account has at most one WhatsApp configuration
    Given an account without a WhatsApp configuration
    When it creates its WhatsApp configuration
    Then the WhatsApp configuration is created
    And reading it gives the WhatsApp account id it was created with
    When it creates another WhatsApp configuration
    Then it is refused because the account already has a WhatsApp configuration
    And reading it gives the WhatsApp account id it was created with
