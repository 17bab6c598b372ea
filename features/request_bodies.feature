@contract
Feature: A body the contract does not describe is refused
  Before a create operation looks at anything, it checks the body against the contract's schema: a missing
  required property, a value of the wrong type (no value is coerced: "3" is not a number), a value out of the
  schema's bounds, an unknown enum value, malformed JSON or a body of the wrong shape is refused as a constraint
  violation, naming the field by its JSON path (`channels[0].templates[0].name`), or `body` when the body cannot
  be read at all. The bodies are written out as they are sent; `$NAME` stands for a fresh name of the scenario.
  None of these requests creates anything on a server that keeps the contract.

  Scenario Outline: A request to send an OTP that breaks the contract is refused, naming the field: <problem>
    When an OTP is sent from the body '<body>'
    Then the OTP request is refused as invalid, naming the field "<field>"

    Examples:
      | problem                     | body                                    | field |
      | a number as recipient       | {"to": 49170000001, "profileName": "x"} | to    |
      | malformed JSON              | {"to": "+49170000001", "profileName":   | body  |
      | a list instead of a request | []                                      | body  |

  Scenario Outline: A priority that breaks the contract is refused, naming the field: <problem>
    When it creates a priority from the body '<body>'
    Then the priority is refused as invalid, naming the field "<field>"

    Examples:
      | problem                   | body                                                                    | field                       |
      | no name                   | {"channelPriority":[{"channel":"SMS","priority":1}]}                    | name                        |
      | an empty name             | {"name":"","channelPriority":[{"channel":"SMS","priority":1}]}          | name                        |
      | a name that is a number   | {"name":42,"channelPriority":[{"channel":"SMS","priority":1}]}          | name                        |
      | no channels               | {"name":"$NAME"}                                                        | channelPriority             |
      | an empty list of channels | {"name":"$NAME","channelPriority":[]}                                   | channelPriority             |
      | channels as an object     | {"name":"$NAME","channelPriority":{"channel":"SMS","priority":1}}       | channelPriority             |
      | a list of lists           | {"name":"$NAME","channelPriority":[[{"channel":"SMS","priority":1}]]}   | channelPriority[0]          |
      | a null entry              | {"name":"$NAME","channelPriority":[null]}                               | channelPriority[0]          |
      | an unknown channel        | {"name":"$NAME","channelPriority":[{"channel":"FAX","priority":1}]}     | channelPriority[0].channel  |
      | a lowercase channel       | {"name":"$NAME","channelPriority":[{"channel":"sms","priority":1}]}     | channelPriority[0].channel  |
      | an entry without channel  | {"name":"$NAME","channelPriority":[{"priority":1}]}                     | channelPriority[0].channel  |
      | an entry without rank     | {"name":"$NAME","channelPriority":[{"channel":"SMS"}]}                  | channelPriority[0].priority |
      | a rank given as text      | {"name":"$NAME","channelPriority":[{"channel":"SMS","priority":"1"}]}   | channelPriority[0].priority |
      | a fractional rank         | {"name":"$NAME","channelPriority":[{"channel":"SMS","priority":1.5}]}   | channelPriority[0].priority |
      | a negative rank           | {"name":"$NAME","channelPriority":[{"channel":"SMS","priority":-1}]}    | channelPriority[0].priority |
      | malformed JSON            | {"name":"$NAME","channelPriority":[                                     | body                        |
      | a body that is a list     | [{"name":"$NAME"}]                                                      | body                        |

  Scenario Outline: A profile that breaks the contract is refused, naming the field: <problem>
    When it creates a profile from the body '<body>'
    Then the profile is refused as invalid, naming the field "<field>"

    Examples:
      | problem                          | body                                                                                   | field                                 |
      | no name                          | {"channels":[]}                                                                        | name                                  |
      | a blank name                     | {"name":"  ","channels":[]}                                                            | name                                  |
      | a name that is a list            | {"name":["a"],"channels":[]}                                                           | name                                  |
      | no channels                      | {"name":"$NAME"}                                                                       | channels                              |
      | channels that are null           | {"name":"$NAME","channels":null}                                                       | channels                              |
      | channels as an object            | {"name":"$NAME","channels":{"type":"SMS","templates":[]}}                              | channels                              |
      | a null channel                   | {"name":"$NAME","channels":[null]}                                                     | channels[0]                           |
      | a channel without type           | {"name":"$NAME","channels":[{"templates":[]}]}                                         | channels[0].type                      |
      | an unknown channel               | {"name":"$NAME","channels":[{"type":"FAX","templates":[]}]}                            | channels[0].type                      |
      | a channel without templates      | {"name":"$NAME","channels":[{"type":"SMS"}]}                                           | channels[0].templates                 |
      | a null template                  | {"name":"$NAME","channels":[{"type":"SMS","templates":[null]}]}                        | channels[0].templates[0]              |
      | a template without name          | {"name":"$NAME","channels":[{"type":"SMS","templates":[{"languageCode":"en"}]}]}       | channels[0].templates[0].name         |
      | a template without language      | {"name":"$NAME","channels":[{"type":"SMS","templates":[{"name":"t"}]}]}                | channels[0].templates[0].languageCode |
      | an unknown language              | {"name":"$NAME","channels":[{"type":"SMS","templates":[{"name":"t","languageCode":"xx"}]}]} | channels[0].templates[0].languageCode |
      | no attempt allowed               | {"name":"$NAME","channels":[],"attempts":0}                                            | attempts                              |
      | more than 10 attempts            | {"name":"$NAME","channels":[],"attempts":11}                                           | attempts                              |
      | attempts given as text           | {"name":"$NAME","channels":[],"attempts":"3"}                                          | attempts                              |
      | codes of 3 characters            | {"name":"$NAME","channels":[],"otpCodeLength":3}                                       | otpCodeLength                         |
      | codes of 12 characters           | {"name":"$NAME","channels":[],"otpCodeLength":12}                                      | otpCodeLength                         |
      | a fractional code length         | {"name":"$NAME","channels":[],"otpCodeLength":6.5}                                     | otpCodeLength                         |
      | alphanumeric neither true/false  | {"name":"$NAME","channels":[],"alphanumeric":"yes"}                                    | alphanumeric                          |
      | alphanumeric as a boolean        | {"name":"$NAME","channels":[],"alphanumeric":true}                                     | alphanumeric                          |
      | malformed JSON                   | {"name":"$NAME","channels":[{"type":"SMS",                                             | body                                  |
      | a body that is a number          | 42                                                                                     | body                                  |

  Scenario Outline: A callback configuration that breaks the contract is refused, naming the field: <problem>
    When it creates a callback configuration from the body '<body>'
    Then the callback configuration is refused as invalid, naming the field "<field>"

    Examples:
      | problem                      | body                                                  | field            |
      | no URL                       | {"headers":{"X-Tenant":"acme"}}                       | url              |
      | an empty URL                 | {"url":""}                                            | url              |
      | a URL that is a number       | {"url":42}                                            | url              |
      | headers as a list            | {"url":"$NAME","headers":["X-Tenant: acme"]}          | headers          |
      | a header value that is a number | {"url":"$NAME","headers":{"X-Count":3}}            | headers.X-Count  |
      | a header value that is null  | {"url":"$NAME","headers":{"X-Tenant":null}}           | headers.X-Tenant |
      | a header value with a line break | {"url":"$NAME","headers":{"X-Tenant":"a\\r\\nX-Injected: 1"}} | headers.X-Tenant |
      | a profile id that is no UUID | {"url":"$NAME","profileId":"register"}                | profileId        |
      | malformed JSON               | {"url":"$NAME",                                       | body             |
      | a body that is text          | "https://hooks.example.com"                           | body             |
