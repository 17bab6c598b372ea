Feature: Priorities
  A priority says which channel an OTP is sent over first and which one is the backup: one or two entries,
  each a channel and a rank, the lower rank tried first. No channel appears twice. A name is unique per
  account and has at most 256 characters. A change names only what it changes; channels given in a change
  replace all of them.

  Every scenario gives its priorities names with a random suffix and deletes them afterwards.

  Scenario: A priority is created and read back as given
    When it creates a priority "sms_then_viber" trying SMS at 1 and VIBER at 2
    Then the priority is created
    And the priority "sms_then_viber" reads back trying SMS at 1 and VIBER at 2

  Scenario: A priority may have a single channel
    When it creates a priority "voice_only" trying VOICE at 1
    Then the priority is created
    And the priority "voice_only" reads back trying VOICE at 1

  Scenario: Entries keep the order given, whatever their ranks
    When it creates a priority "backup_first" trying WHATSAPP at 5 and SMS at 2
    Then the priority is created
    And the priority "backup_first" reads back trying WHATSAPP at 5 and SMS at 2

  Scenario: Priorities are listed, and filtered by name
    Given a priority "first" trying SMS at 1
    And a priority "second" trying VOICE at 1 and SMS at 2
    When it lists the priorities
    Then the list holds the priorities "first" and "second"
    When it lists the priorities named "second"
    Then the list holds exactly the priority "second"

  Scenario: A second priority of the same name is refused
    Given a priority "twice" trying SMS at 1
    When it creates a priority "twice" trying VOICE at 1
    Then it is refused as a conflict naming the priority "twice"

  Scenario: A channel may appear only once in a priority
    When it creates a priority "same_channel" trying SMS at 1 and SMS at 2
    Then the priority is refused as invalid, naming the field "channelPriority"

  Scenario: A priority has at most two channels
    When it creates a priority "three" trying SMS at 1 and VIBER at 2 and VOICE at 3, which breaks the contract
    Then the priority is refused as invalid, naming the field "channelPriority"

  Scenario: A rank is 1 or more
    When it creates a priority "rank_zero" trying SMS at 0, which breaks the contract
    Then the priority is refused as invalid, naming the field "channelPriority[0].priority"

  Scenario: A priority's name has at most 256 characters
    When it creates a priority with a name of 256 characters
    Then the priority is created
    When it creates a priority with a name of 257 characters
    Then the priority is refused as invalid, naming the field "name"

  Scenario: A renamed priority keeps its channels
    Given a priority "before" trying SMS at 1 and VIBER at 2
    When it renames the priority "before" to "after"
    Then the change is accepted
    And the priority "after" reads back trying SMS at 1 and VIBER at 2

  Scenario: Channels given in a change replace all channels and keep the name
    Given a priority "switch" trying SMS at 1 and VIBER at 2
    When it changes the channels of the priority "switch" to VOICE at 1
    Then the change is accepted
    And the priority "switch" reads back trying VOICE at 1
    When it removes every channel of the priority "switch"
    Then the change is accepted
    And the priority "switch" reads back without channels

  Scenario: Renaming a priority onto a name in use is refused
    Given a priority "taken" trying SMS at 1
    And a priority "mine" trying VOICE at 1
    When it renames the priority "mine" to "taken"
    Then it is refused as a conflict naming the priority "taken"
    And the priority "mine" reads back trying VOICE at 1

  Scenario Outline: A change that breaks a rule changes nothing: <rule>
    Given a priority "kept" trying SMS at 1
    When it <change>
    Then the priority is refused as invalid, naming the field "<field>"
    And the priority "kept" reads back trying SMS at 1

    Examples:
      | rule                       | change                                                                                                   | field                      |
      | each channel once          | changes the channels of the priority "kept" to VOICE at 1 and VOICE at 2                                | channelPriority            |
      | at most two channels       | changes the channels of the priority "kept" to SMS at 1 and VIBER at 2 and VOICE at 3, which breaks the contract | channelPriority |
      | a name is not empty        | renames the priority "kept" to an empty name                                                            | name                       |
      | a channel the contract names | changes the channels of the priority "kept" to FAX at 1, which breaks the contract                    | channelPriority[0].channel |

  Scenario: A deleted priority is gone
    Given a priority "short_lived" trying SMS at 1
    When it deletes the priority "short_lived"
    Then the deletion is accepted
    And the priority "short_lived" is no longer found

  Scenario: A deleted priority cannot be deleted again
    Given a priority "short_lived" trying SMS at 1
    And it deletes the priority "short_lived"
    When it deletes the priority "short_lived" again
    Then the priority is not found, naming its id

  Scenario Outline: A priority that does not exist is not found when it <action> it
    When it <action> a priority that does not exist
    Then the priority is not found, naming its id

    Examples:
      | action  |
      | reads   |
      | changes |
      | deletes |

  Scenario Outline: A priority id that is not a UUID is refused
    When it reads the priority with the id "<id>"
    Then the priority is refused as invalid, naming the field "id"

    Examples:
      | id                                    |
      | not-a-uuid                            |
      | 3fa85f64-5717-4562-b3fc-2c963f66afa6x |

  @second-account
  Scenario: Another account neither sees, changes nor deletes a priority
    Given a priority "mine" trying SMS at 1
    When the other account reads the priority "mine"
    Then the priority is not found, naming its id
    When the other account renames the priority "mine" to "stolen"
    Then the priority is not found, naming its id
    When the other account deletes the priority "mine"
    Then the priority is not found, naming its id
    And the other account's priorities do not include "mine"
    And the priority "mine" reads back trying SMS at 1
