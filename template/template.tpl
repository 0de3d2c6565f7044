___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Identify: Segment, Customer.io, Gist, Mutiny, Connecto, Antsomi",
  "categories": [
    "ANALYTICS",
    "PERSONALIZATION",
    "MARKETING"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "gtm-identify",
    "thumbnail": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAyklEQVR42u2ayQ2AMAwE86MHmqJZGqAyUD48AIUcvjb2Sv7vKFF8JaWC1m0/LURqkRXTXTDWzRchUMx/QqCZf0EEgCYAqvkbIgCI4zwWTIBs/BmiAFlwACWNmq+FSBzmqSDYTqBFbgBEXyFOAPY80CNziQz6BALASi3EbR4qE4/kAzO1kDoAl/k/CJP9QFyhqV8h6FJiROoAFFIDoFQAtAJwSLQjkwJg64kDoAJAZS403WjRPQD8dNrlliaWfLEr9rqtn/ezB+J3mwuFJbZj7+sVrQAAAABJRU5ErkJggg\u003d\u003d"
  },
  "description": "Tell Segment, Customer.io, Gist, Mutiny, Connecto and Antsomi CDP365 who the visitor is, from one tag and without code: user ID, email, typed traits, tags and company, or a logout (Reset). Optional ID hashing, consent check and skip-if-unchanged.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "GROUP",
    "name": "actionGroup",
    "displayName": "What to do",
    "groupStyle": "NO_ZIPPY",
    "subParams": [
      {
        "type": "SELECT",
        "name": "action",
        "displayName": "Action",
        "macrosInSelect": false,
        "selectItems": [
          {
            "value": "identify",
            "displayValue": "Identify: tell the tools who this visitor is"
          },
          {
            "value": "reset",
            "displayValue": "Reset: the visitor logged out"
          }
        ],
        "simpleValueType": true,
        "help": "Identify sends the user ID, email, traits and tags below to every ticked tool. Reset makes each tool forget the logged-in visitor: fire it on logout. Without it, Segment and Customer.io keep the last user who signed in on this browser and add later traits, even from a visitor with no user ID, to that user. Segment and Customer.io reset, Gist closes its chat, Antsomi records a sign-out; Mutiny and Connecto have no logout, so for them Reset does nothing.",
        "defaultValue": "identify",
        "alwaysInSummary": true
      },
      {
        "type": "SELECT",
        "name": "event",
        "displayName": "Event type",
        "macrosInSelect": false,
        "selectItems": [
          {
            "value": "identify",
            "displayValue": "Identify (page load, profile update)"
          },
          {
            "value": "sign_in",
            "displayValue": "Sign in"
          },
          {
            "value": "sign_up",
            "displayValue": "Sign up"
          }
        ],
        "simpleValueType": true,
        "help": "What just happened. Only Antsomi CDP365 records the difference; the other tools receive the same identify for all three.",
        "defaultValue": "identify",
        "enablingConditions": [
          {
            "paramName": "action",
            "paramValue": "identify",
            "type": "EQUALS"
          }
        ]
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "destinationsGroup",
    "displayName": "Send to",
    "groupStyle": "NO_ZIPPY",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "sendSegment",
        "checkboxText": "Segment",
        "simpleValueType": true,
        "help": "Sends the user ID and traits to Segment (\u003ccode\u003eanalytics.identify\u003c/code\u003e). Without a user ID only traits are sent: Segment adds them to the last user who signed in on this browser, or to its anonymous ID after a Reset (fire one on logout).",
        "defaultValue": false,
        "subParams": [
          {
            "type": "CHECKBOX",
            "name": "segmentLoadScript",
            "checkboxText": "Load Segment (analytics.js) if the page does not have it",
            "simpleValueType": true,
            "help": "Leave unticked when your site already runs the Segment snippet. Calls made before Segment has loaded wait in its queue; none is lost.",
            "defaultValue": false,
            "enablingConditions": [
              {
                "paramName": "sendSegment",
                "paramValue": true,
                "type": "EQUALS"
              }
            ],
            "subParams": [
              {
                "type": "TEXT",
                "name": "segmentWriteKey",
                "displayName": "Segment write key",
                "simpleValueType": true,
                "help": "In Segment: Connections → Sources → your JavaScript (website) source → Settings → API Keys.",
                "valueHint": "e.g. a1B2c3D4e5F6g7H8",
                "valueValidators": [
                  {
                    "type": "NON_EMPTY",
                    "errorMessage": "Enter the write key, or untick \"Load Segment\".",
                    "enablingConditions": [
                      {
                        "paramName": "segmentLoadScript",
                        "paramValue": true,
                        "type": "EQUALS"
                      }
                    ]
                  },
                  {
                    "type": "REGEX",
                    "args": [
                      "^([A-Za-z0-9_-]+|\\{\\{[^{}]+\\}\\})$"
                    ],
                    "errorMessage": "A write key has only letters, digits, _ and - (no spaces), or is a {{variable}}."
                  }
                ],
                "enablingConditions": [
                  {
                    "paramName": "segmentLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  }
                ]
              }
            ]
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "sendCustomerio",
        "checkboxText": "Customer.io (Data Pipelines)",
        "simpleValueType": true,
        "help": "Sends the user ID and traits to Customer.io\u0027s website snippet (\u003ccode\u003ecioanalytics.identify\u003c/code\u003e), the same way as Segment.",
        "defaultValue": false,
        "subParams": [
          {
            "type": "SELECT",
            "name": "customerioGlobal",
            "displayName": "Snippet on the page",
            "macrosInSelect": false,
            "selectItems": [
              {
                "value": "cioanalytics",
                "displayValue": "Current snippet (cioanalytics)"
              },
              {
                "value": "analytics",
                "displayValue": "Older snippet (analytics)"
              }
            ],
            "simpleValueType": true,
            "help": "Look at your Customer.io snippet: if it mentions \u003ccode\u003ecioanalytics\u003c/code\u003e, keep Current; older snippets use \u003ccode\u003eanalytics\u003c/code\u003e.",
            "defaultValue": "cioanalytics",
            "enablingConditions": [
              {
                "paramName": "sendCustomerio",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          },
          {
            "type": "CHECKBOX",
            "name": "customerioLoadScript",
            "checkboxText": "Load Customer.io if the page does not have it",
            "simpleValueType": true,
            "help": "Leave unticked when your site already runs the Customer.io snippet. A Customer.io loaded by this tag lives in \u003ccode\u003eanalytics\u003c/code\u003e: on pages that run Segment it is not loaded (Preview mode says so); add Customer.io\u0027s current snippet there instead.",
            "defaultValue": false,
            "enablingConditions": [
              {
                "paramName": "sendCustomerio",
                "paramValue": true,
                "type": "EQUALS"
              }
            ],
            "subParams": [
              {
                "type": "SELECT",
                "name": "customerioRegion",
                "displayName": "Data center",
                "macrosInSelect": false,
                "selectItems": [
                  {
                    "value": "us",
                    "displayValue": "US (cdp.customer.io)"
                  },
                  {
                    "value": "eu",
                    "displayValue": "EU (cdp-eu.customer.io)"
                  }
                ],
                "simpleValueType": true,
                "help": "The region your Customer.io workspace was created in.",
                "defaultValue": "us",
                "enablingConditions": [
                  {
                    "paramName": "customerioLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  }
                ]
              }
            ]
          },
          {
            "type": "GROUP",
            "name": "groupCustomerioKey",
            "groupStyle": "NO_ZIPPY",
            "subParams": [
              {
                "type": "TEXT",
                "name": "customerioWriteKey",
                "displayName": "Customer.io write key",
                "simpleValueType": true,
                "help": "In Customer.io: Data Pipelines → Sources → your JavaScript source → Settings → API Key. Needed to load Customer.io, and with the older snippet: \u003ccode\u003eanalytics\u003c/code\u003e may be Segment\u0027s, so the tag sends there only when its write key is this one.",
                "valueHint": "e.g. a1B2c3D4e5F6g7H8",
                "valueValidators": [
                  {
                    "type": "NON_EMPTY",
                    "errorMessage": "Enter the write key, or untick \"Load Customer.io\" and use the current snippet.",
                    "enablingConditions": [
                      {
                        "paramName": "customerioLoadScript",
                        "paramValue": true,
                        "type": "EQUALS"
                      },
                      {
                        "paramName": "customerioGlobal",
                        "paramValue": "analytics",
                        "type": "EQUALS"
                      }
                    ]
                  },
                  {
                    "type": "REGEX",
                    "args": [
                      "^([A-Za-z0-9_-]+|\\{\\{[^{}]+\\}\\})$"
                    ],
                    "errorMessage": "A write key has only letters, digits, _ and - (no spaces), or is a {{variable}}."
                  }
                ],
                "enablingConditions": [
                  {
                    "paramName": "customerioLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  },
                  {
                    "paramName": "customerioGlobal",
                    "paramValue": "analytics",
                    "type": "EQUALS"
                  }
                ]
              }
            ],
            "enablingConditions": [
              {
                "paramName": "sendCustomerio",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "sendGist",
        "checkboxText": "Gist",
        "simpleValueType": true,
        "help": "Sends the user ID, email, traits and tags to Gist (getgist.com) as a contact. Gist needs an email; with no user ID the visitor is sent as a lead (an empty user ID, as Gist documents). trait names are sent in snake_case (\u003ccode\u003efirstName\u003c/code\u003e → \u003ccode\u003efirst_name\u003c/code\u003e) and dates as Unix seconds.",
        "defaultValue": false,
        "subParams": [
          {
            "type": "CHECKBOX",
            "name": "gistLoadScript",
            "checkboxText": "Load Gist if the page does not have it",
            "simpleValueType": true,
            "help": "Leave unticked when your site already runs the Gist snippet.",
            "defaultValue": false,
            "enablingConditions": [
              {
                "paramName": "sendGist",
                "paramValue": true,
                "type": "EQUALS"
              }
            ],
            "subParams": [
              {
                "type": "TEXT",
                "name": "gistAppId",
                "displayName": "Gist workspace (app) ID",
                "simpleValueType": true,
                "help": "In Gist: Settings → Installation; the ID inside \u003ccode\u003egist.setAppId(\"…\")\u003c/code\u003e of your snippet.",
                "valueHint": "e.g. ab12cd34",
                "valueValidators": [
                  {
                    "type": "NON_EMPTY",
                    "errorMessage": "Enter the workspace ID, or untick \"Load Gist\".",
                    "enablingConditions": [
                      {
                        "paramName": "gistLoadScript",
                        "paramValue": true,
                        "type": "EQUALS"
                      }
                    ]
                  },
                  {
                    "type": "REGEX",
                    "args": [
                      "^([A-Za-z0-9_-]+|\\{\\{[^{}]+\\}\\})$"
                    ],
                    "errorMessage": "A workspace ID has only letters, digits, _ and - (no spaces), or is a {{variable}}."
                  }
                ],
                "enablingConditions": [
                  {
                    "paramName": "gistLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  }
                ]
              }
            ]
          },
          {
            "type": "CHECKBOX",
            "name": "gistOverwriteTags",
            "checkboxText": "Labels replace all of the contact\u0027s Gist tags",
            "simpleValueType": true,
            "help": "Unticked, labels are added to the tags the contact already has. Ticked (Gist\u0027s own default), they replace all of them, also tags set by Gist\u0027s automations or other tools.",
            "defaultValue": false,
            "enablingConditions": [
              {
                "paramName": "sendGist",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          },
          {
            "type": "TEXT",
            "name": "gistWaitMs",
            "displayName": "On Reset, wait for Gist up to",
            "simpleValueType": true,
            "help": "Gist can only close its chat once its widget has loaded: how long a Reset waits for it. At most 30000 ms; empty means 5000. The other tools are sent to at once.",
            "defaultValue": "5000",
            "valueValidators": [
              {
                "type": "REGEX",
                "args": [
                  "^([0-9]+|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "Enter a whole number of milliseconds, e.g. 5000 (or a {{variable}})."
              }
            ],
            "valueUnit": "ms",
            "enablingConditions": [
              {
                "paramName": "sendGist",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "sendMutiny",
        "checkboxText": "Mutiny",
        "simpleValueType": true,
        "help": "Sends the user ID, traits and company to Mutiny (\u003ccode\u003emutiny.client.identify\u003c/code\u003e). Mutiny\u0027s own snippet must already be on the page: it is different for every customer, so this tag cannot load it, and skips Mutiny without it.",
        "defaultValue": false
      },
      {
        "type": "CHECKBOX",
        "name": "sendConnecto",
        "checkboxText": "Connecto",
        "simpleValueType": true,
        "help": "Sends the user ID and traits to Connecto (\u003ccode\u003e_connecto.identify\u003c/code\u003e), every value as text. Visitors who are not logged in are sent under Connecto\u0027s own visitor ID.",
        "defaultValue": false,
        "subParams": [
          {
            "type": "CHECKBOX",
            "name": "connectoLoadScript",
            "checkboxText": "Load Connecto if the page does not have it",
            "simpleValueType": true,
            "help": "Leave unticked when your site already runs the Connecto snippet.",
            "defaultValue": false,
            "enablingConditions": [
              {
                "paramName": "sendConnecto",
                "paramValue": true,
                "type": "EQUALS"
              }
            ],
            "subParams": [
              {
                "type": "TEXT",
                "name": "connectoLicenseKey",
                "displayName": "Connecto license key",
                "simpleValueType": true,
                "help": "The 16-character key in your Connecto snippet (\u003ccode\u003e_TConnecto.licenseKey\u003c/code\u003e).",
                "valueHint": "e.g. a1b2c3d4e5f6g7h8",
                "valueValidators": [
                  {
                    "type": "NON_EMPTY",
                    "errorMessage": "Enter the license key, or untick \"Load Connecto\".",
                    "enablingConditions": [
                      {
                        "paramName": "connectoLoadScript",
                        "paramValue": true,
                        "type": "EQUALS"
                      }
                    ]
                  },
                  {
                    "type": "REGEX",
                    "args": [
                      "^([A-Za-z0-9_-]+|\\{\\{[^{}]+\\}\\})$"
                    ],
                    "errorMessage": "A license key has only letters, digits, _ and - (no spaces), or is a {{variable}}."
                  }
                ],
                "enablingConditions": [
                  {
                    "paramName": "connectoLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  }
                ]
              }
            ]
          },
          {
            "type": "TEXT",
            "name": "connectoWaitMs",
            "displayName": "Wait for Connecto up to",
            "simpleValueType": true,
            "help": "Connecto cannot queue calls made before it has loaded, so the tag waits for it; when it has not appeared in time, nothing is sent to Connecto (Preview mode says so). At most 30000 ms; empty means 5000. The other tools are sent to at once.",
            "defaultValue": "5000",
            "valueValidators": [
              {
                "type": "REGEX",
                "args": [
                  "^([0-9]+|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "Enter a whole number of milliseconds, e.g. 5000 (or a {{variable}})."
              }
            ],
            "valueUnit": "ms",
            "enablingConditions": [
              {
                "paramName": "sendConnecto",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "sendAntsomi",
        "checkboxText": "Antsomi CDP365",
        "simpleValueType": true,
        "help": "Records a sign-in, sign-up or identify in Antsomi CDP365 with the customer\u0027s email, phone, name and other traits. Antsomi needs a customer ID: by default an MD5 hash of the lower-cased email, so visitors without an email are not sent to Antsomi.",
        "defaultValue": false,
        "subParams": [
          {
            "type": "CHECKBOX",
            "name": "antsomiLoadScript",
            "checkboxText": "Load Antsomi (insight.js) if the page does not have it",
            "simpleValueType": true,
            "help": "Leave unticked when your site already runs Antsomi\u0027s tracking code or its GTM tag.",
            "defaultValue": false,
            "enablingConditions": [
              {
                "paramName": "sendAntsomi",
                "paramValue": true,
                "type": "EQUALS"
              }
            ],
            "subParams": [
              {
                "type": "TEXT",
                "name": "antsomiPortalId",
                "displayName": "Portal ID",
                "simpleValueType": true,
                "help": "A number: \u003ccode\u003e_portalId\u003c/code\u003e in Antsomi\u0027s tracking code.",
                "valueHint": "e.g. 33167",
                "valueValidators": [
                  {
                    "type": "NON_EMPTY",
                    "errorMessage": "Enter the portal ID, or untick \"Load Antsomi\".",
                    "enablingConditions": [
                      {
                        "paramName": "antsomiLoadScript",
                        "paramValue": true,
                        "type": "EQUALS"
                      }
                    ]
                  },
                  {
                    "type": "REGEX",
                    "args": [
                      "^([0-9]+|\\{\\{[^{}]+\\}\\})$"
                    ],
                    "errorMessage": "The portal ID is a number, e.g. 33167 (or a {{variable}})."
                  }
                ],
                "enablingConditions": [
                  {
                    "paramName": "antsomiLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  }
                ]
              },
              {
                "type": "TEXT",
                "name": "antsomiPropertyId",
                "displayName": "Property ID",
                "simpleValueType": true,
                "help": "A number: \u003ccode\u003e_propId\u003c/code\u003e in Antsomi\u0027s tracking code.",
                "valueHint": "e.g. 556380312",
                "valueValidators": [
                  {
                    "type": "NON_EMPTY",
                    "errorMessage": "Enter the property ID, or untick \"Load Antsomi\".",
                    "enablingConditions": [
                      {
                        "paramName": "antsomiLoadScript",
                        "paramValue": true,
                        "type": "EQUALS"
                      }
                    ]
                  },
                  {
                    "type": "REGEX",
                    "args": [
                      "^([0-9]+|\\{\\{[^{}]+\\}\\})$"
                    ],
                    "errorMessage": "The property ID is a number, e.g. 556380312 (or a {{variable}})."
                  }
                ],
                "enablingConditions": [
                  {
                    "paramName": "antsomiLoadScript",
                    "paramValue": true,
                    "type": "EQUALS"
                  }
                ]
              }
            ]
          },
          {
            "type": "SELECT",
            "name": "antsomiCustomerIdFrom",
            "displayName": "Customer ID from",
            "macrosInSelect": false,
            "selectItems": [
              {
                "value": "email",
                "displayValue": "Email"
              },
              {
                "value": "phone",
                "displayValue": "The trait named phone"
              },
              {
                "value": "userId",
                "displayValue": "User ID"
              }
            ],
            "simpleValueType": true,
            "help": "Antsomi never changes a customer\u0027s ID once set, so pick the source once and keep it for every tag.",
            "defaultValue": "email",
            "enablingConditions": [
              {
                "paramName": "sendAntsomi",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          },
          {
            "type": "GROUP",
            "name": "groupAntsomiEmail",
            "groupStyle": "NO_ZIPPY",
            "subParams": [
              {
                "type": "SELECT",
                "name": "antsomiCustomerIdEmail",
                "displayName": "Email before hashing",
                "macrosInSelect": false,
                "selectItems": [
                  {
                    "value": "lowercase",
                    "displayValue": "Lower-cased"
                  },
                  {
                    "value": "asGiven",
                    "displayValue": "As given (as Antsomi\u0027s guide)"
                  }
                ],
                "simpleValueType": true,
                "help": "Keep Lower-cased, so that Ann@Example.com and ann@example.com are one customer. Pick As given only when other Antsomi integrations on your site already send md5 of the email as typed: the customer ID must match theirs, and can never change.",
                "defaultValue": "lowercase",
                "enablingConditions": [
                  {
                    "paramName": "antsomiCustomerIdFrom",
                    "paramValue": "email",
                    "type": "EQUALS"
                  }
                ]
              }
            ],
            "enablingConditions": [
              {
                "paramName": "sendAntsomi",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          },
          {
            "type": "SELECT",
            "name": "antsomiCustomerIdHash",
            "displayName": "Customer ID hashing",
            "macrosInSelect": false,
            "selectItems": [
              {
                "value": "md5",
                "displayValue": "MD5 (Antsomi\u0027s default)"
              },
              {
                "value": "none",
                "displayValue": "None: send the value as it is"
              }
            ],
            "simpleValueType": true,
            "help": "Keep MD5 unless your other Antsomi sources send customer IDs unhashed. A value that already is an MD5 hash is sent as it is.",
            "defaultValue": "md5",
            "enablingConditions": [
              {
                "paramName": "sendAntsomi",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          },
          {
            "type": "SELECT",
            "name": "antsomiVocabulary",
            "displayName": "Event format",
            "macrosInSelect": false,
            "selectItems": [
              {
                "value": "template",
                "displayValue": "As Antsomi\u0027s GTM template sends it"
              },
              {
                "value": "devguide",
                "displayValue": "As Antsomi\u0027s developer guide describes it"
              }
            ],
            "simpleValueType": true,
            "help": "Antsomi documents two formats for these events. Keep the first unless Antsomi told you your portal expects the developer-guide format.",
            "defaultValue": "template",
            "enablingConditions": [
              {
                "paramName": "sendAntsomi",
                "paramValue": true,
                "type": "EQUALS"
              }
            ]
          }
        ]
      }
    ],
    "help": "Tick every tool that should receive the call. A problem with one tool is reported in Preview mode and never stops the others. Keys and IDs below may be typed in or come from a variable, e.g. a Constant."
  },
  {
    "type": "GROUP",
    "name": "userGroup",
    "displayName": "Who",
    "groupStyle": "NO_ZIPPY",
    "subParams": [
      {
        "type": "TEXT",
        "name": "userId",
        "displayName": "User ID",
        "simpleValueType": true,
        "help": "Your stable ID for the person, usually a variable such as a data layer variable holding your database ID (not a name). Leave empty for visitors who are not logged in: each tool then identifies them its own anonymous way. Segment and Customer.io instead keep the last user who signed in on this browser until a Reset tag fires, so fire one on logout.",
        "valueHint": "e.g. {{DLV - userId}}",
        "alwaysInSummary": true
      },
      {
        "type": "TEXT",
        "name": "email",
        "displayName": "Email",
        "simpleValueType": true,
        "help": "Sent to every ticked tool. Gist needs it, and Antsomi builds its customer ID from it by default. An address that is not valid is left out (Preview mode says so).",
        "valueHint": "e.g. {{DLV - email}}"
      },
      {
        "type": "CHECKBOX",
        "name": "useEmailAsUserId",
        "checkboxText": "Use the email as the user ID when the User ID is empty",
        "simpleValueType": true,
        "help": "The lower-cased email becomes the user ID. Customer.io recommends this; Segment advises against it (an email can change).",
        "defaultValue": false
      },
      {
        "type": "SELECT",
        "name": "userIdHash",
        "displayName": "Hash the user ID",
        "macrosInSelect": false,
        "selectItems": [
          {
            "value": "none",
            "displayValue": "No: send it as it is"
          },
          {
            "value": "sha256",
            "displayValue": "SHA-256"
          },
          {
            "value": "md5",
            "displayValue": "MD5"
          }
        ],
        "simpleValueType": true,
        "help": "Sends a hash of the user ID instead of the ID itself, e.g. when the ID is an email or must not leave your site readable. An email is lower-cased first; an ID that already is such a hash is sent as it is. Antsomi\u0027s customer ID has its own setting.",
        "defaultValue": "none"
      }
    ],
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "identify",
        "type": "EQUALS"
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "traitsGroup",
    "displayName": "Traits and tags",
    "groupStyle": "NO_ZIPPY",
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "traitRows",
        "displayName": "Traits",
        "simpleTableColumns": [
          {
            "defaultValue": "",
            "displayName": "Name",
            "name": "key",
            "type": "TEXT",
            "isUnique": true,
            "valueHint": "plan",
            "valueValidators": [
              {
                "type": "NON_EMPTY",
                "errorMessage": "Give the trait a name."
              },
              {
                "type": "REGEX",
                "args": [
                  "^[^,\\s]([^,]*[^,\\s])?$"
                ],
                "errorMessage": "A trait name has no commas and no spaces at either end."
              }
            ]
          },
          {
            "defaultValue": "",
            "displayName": "Value",
            "name": "value",
            "type": "TEXT",
            "valueHint": "{{DLV - plan}}"
          },
          {
            "defaultValue": "text",
            "displayName": "Type",
            "name": "type",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "text",
                "displayValue": "Text"
              },
              {
                "value": "number",
                "displayValue": "Number"
              },
              {
                "value": "boolean",
                "displayValue": "True / false"
              },
              {
                "value": "date",
                "displayValue": "Date"
              }
            ]
          }
        ],
        "newRowButtonText": "Add trait",
        "help": "Facts about the person, one per row, e.g. Name \u003ccode\u003eplan\u003c/code\u003e, Value \u003ccode\u003e{{DLV - plan}}\u003c/code\u003e, Type Text. Date values are sent as ISO-8601 (Gist: Unix seconds). Standard names such as \u003ccode\u003efirstName\u003c/code\u003e, \u003ccode\u003elastName\u003c/code\u003e and \u003ccode\u003ecreatedAt\u003c/code\u003e may also be written \u003ccode\u003efirst_name\u003c/code\u003e etc. A row wins over the same trait in the traits object below."
      },
      {
        "type": "TEXT",
        "name": "traitsObject",
        "displayName": "Traits object (variable)",
        "simpleValueType": true,
        "help": "Optional: a variable that returns a whole object of traits, e.g. a data layer variable for \u003ccode\u003euser.traits\u003c/code\u003e holding \u003ccode\u003e{plan: \"pro\", firstName: \"Ann\"}\u003c/code\u003e. Anything that is not such an object is ignored (Preview mode says so).",
        "valueHint": "e.g. {{DLV - traits}}"
      },
      {
        "type": "TEXT",
        "name": "tagsText",
        "displayName": "Tags",
        "simpleValueType": true,
        "help": "Labels such as \u003ccode\u003evip\u003c/code\u003e and name\u003dvalue tags such as \u003ccode\u003ebrand\u003dAudi\u003c/code\u003e, separated by commas. Every tool receives a name\u003dvalue tag as a trait of that name, and labels as its list of tags (for Gist, the contact\u0027s tags).",
        "valueHint": "e.g. vip, brand\u003d{{DLV - oemname}}"
      },
      {
        "type": "SIMPLE_TABLE",
        "name": "tagRows",
        "displayName": "More tags",
        "simpleTableColumns": [
          {
            "defaultValue": "",
            "displayName": "Tag",
            "name": "name",
            "type": "TEXT",
            "isUnique": true,
            "valueHint": "brand",
            "valueValidators": [
              {
                "type": "NON_EMPTY",
                "errorMessage": "Give the tag a name."
              },
              {
                "type": "REGEX",
                "args": [
                  "^[^,\\s]([^,]*[^,\\s])?$"
                ],
                "errorMessage": "A tag name has no commas and no spaces at either end."
              }
            ]
          },
          {
            "defaultValue": "",
            "displayName": "Value (optional)",
            "name": "value",
            "type": "TEXT",
            "valueHint": "{{DLV - oemname}}"
          }
        ],
        "newRowButtonText": "Add tag",
        "help": "The same as Tags, one per row (handy when a value may contain a comma). Leave the value empty for a label such as \u003ccode\u003evip\u003c/code\u003e."
      },
      {
        "type": "TEXT",
        "name": "company",
        "displayName": "Company",
        "simpleValueType": true,
        "help": "For B2B: the company the person belongs to, as a name (\u003ccode\u003eAcme Inc\u003c/code\u003e) or a variable returning an object such as \u003ccode\u003e{id, name, plan}\u003c/code\u003e. Each tool receives it in the form it expects.",
        "valueHint": "e.g. {{DLV - company}}"
      },
      {
        "type": "SIMPLE_TABLE",
        "name": "companyRows",
        "displayName": "Company details",
        "simpleTableColumns": [
          {
            "defaultValue": "name",
            "displayName": "Detail",
            "name": "key",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "id",
                "displayValue": "ID"
              },
              {
                "value": "name",
                "displayValue": "Name"
              },
              {
                "value": "domain",
                "displayValue": "Domain"
              },
              {
                "value": "industry",
                "displayValue": "Industry"
              },
              {
                "value": "employeeCount",
                "displayValue": "Employees"
              },
              {
                "value": "plan",
                "displayValue": "Plan"
              }
            ],
            "isUnique": true
          },
          {
            "defaultValue": "",
            "displayName": "Value",
            "name": "value",
            "type": "TEXT"
          }
        ],
        "newRowButtonText": "Add company detail",
        "help": "Optional details added to the company, e.g. Plan \u003d \u003ccode\u003e{{DLV - plan}}\u003c/code\u003e. A row wins over the same detail from the Company field."
      }
    ],
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "identify",
        "type": "EQUALS"
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "dataLayerGroup",
    "displayName": "From the triggering data layer event",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "keyMapping",
        "displayName": "Data layer keys",
        "simpleTableColumns": [
          {
            "defaultValue": "",
            "displayName": "Data layer key",
            "name": "from",
            "type": "TEXT",
            "valueHint": "oemname",
            "valueValidators": [
              {
                "type": "NON_EMPTY",
                "errorMessage": "Enter the data layer key to read, e.g. oemname."
              }
            ]
          },
          {
            "defaultValue": "trait",
            "displayName": "Use as",
            "name": "as",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "trait",
                "displayValue": "Trait"
              },
              {
                "value": "tag",
                "displayValue": "Tag"
              },
              {
                "value": "userId",
                "displayValue": "User ID"
              },
              {
                "value": "email",
                "displayValue": "Email"
              }
            ]
          },
          {
            "defaultValue": "",
            "displayName": "Name (for a trait or tag)",
            "name": "to",
            "type": "TEXT",
            "valueHint": "brand"
          },
          {
            "defaultValue": "text",
            "displayName": "Type",
            "name": "type",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "text",
                "displayValue": "Text"
              },
              {
                "value": "number",
                "displayValue": "Number"
              },
              {
                "value": "boolean",
                "displayValue": "True / false"
              },
              {
                "value": "date",
                "displayValue": "Date"
              }
            ]
          }
        ],
        "newRowButtonText": "Add key",
        "help": "Reads values straight from the data layer event that fired this tag, with no variable to create: e.g. key \u003ccode\u003eoemname\u003c/code\u003e used as Tag named \u003ccode\u003ebrand\u003c/code\u003e, or key \u003ccode\u003euser.id\u003c/code\u003e used as User ID. A dot reaches inside an object. Leave Name empty to use the key itself. Anything filled in above wins; a key that is not there adds nothing. As with data layer variables, a key pushed earlier on the same page is found too."
      }
    ],
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "identify",
        "type": "EQUALS"
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "consentGroup",
    "displayName": "Consent",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "consentRequired",
        "checkboxText": "Send only with consent",
        "simpleValueType": true,
        "help": "Checks the visitor\u0027s Google consent mode state before anything is sent, for Reset too. Leave unticked when your consent tool already blocks this tag\u0027s trigger.",
        "defaultValue": false
      },
      {
        "type": "SELECT",
        "name": "consentType",
        "displayName": "Required consent",
        "macrosInSelect": false,
        "selectItems": [
          {
            "value": "analytics_storage",
            "displayValue": "analytics_storage (analytics)"
          },
          {
            "value": "ad_storage",
            "displayValue": "ad_storage (advertising)"
          },
          {
            "value": "ad_user_data",
            "displayValue": "ad_user_data (user data for ads)"
          },
          {
            "value": "ad_personalization",
            "displayValue": "ad_personalization (personalised ads)"
          },
          {
            "value": "functionality_storage",
            "displayValue": "functionality_storage (site features)"
          },
          {
            "value": "personalization_storage",
            "displayValue": "personalization_storage (personalisation)"
          },
          {
            "value": "security_storage",
            "displayValue": "security_storage (security)"
          }
        ],
        "simpleValueType": true,
        "help": "The consent mode type your consent banner grants for these tools; usually analytics_storage.",
        "defaultValue": "analytics_storage",
        "enablingConditions": [
          {
            "paramName": "consentRequired",
            "paramValue": true,
            "type": "EQUALS"
          }
        ]
      },
      {
        "type": "RADIO",
        "name": "consentWhenDenied",
        "displayName": "When consent is denied",
        "radioItems": [
          {
            "value": "drop",
            "displayValue": "Drop the call",
            "help": "Nothing is sent for this event (Preview mode says so)."
          },
          {
            "value": "wait",
            "displayValue": "Wait, and send once consent is granted",
            "help": "Sent once, as soon as the visitor grants consent on this page; never sent if the visitor leaves first."
          }
        ],
        "simpleValueType": true,
        "defaultValue": "drop",
        "enablingConditions": [
          {
            "paramName": "consentRequired",
            "paramValue": true,
            "type": "EQUALS"
          }
        ]
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "advancedGroup",
    "displayName": "Advanced",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "dedupe",
        "checkboxText": "Skip if unchanged",
        "simpleValueType": true,
        "help": "Useful when the tag fires on every page: an identify whose user, traits and tags equal the last one sent to that tool is skipped, also on later page loads. Only a fingerprint is kept in the browser\u0027s localStorage, never the values. A Reset clears it.",
        "defaultValue": false
      },
      {
        "type": "LABEL",
        "name": "debugHelp",
        "displayName": "Messages about dropped traits, missing emails or blocked tools appear in the browser console in GTM Preview mode only."
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

let copyFromDataLayer=require('copyFromDataLayer');
let getType=require('getType');
let makeTableMap=require('makeTableMap');
let makeNumber=require('makeNumber');
let makeString=require('makeString');
let encodeUriComponent=require('encodeUriComponent');
let addConsentListener=require('addConsentListener');
let aliasInWindow=require('aliasInWindow');
let callInWindow=require('callInWindow');
let callLater=require('callLater');
let copyFromWindow=require('copyFromWindow');
let createArgumentsQueue=require('createArgumentsQueue');
let createQueue=require('createQueue');
let getContainerVersion=require('getContainerVersion');
let getTimestampMillis=require('getTimestampMillis');
let injectScript=require('injectScript');
let isConsentGranted=require('isConsentGranted');
let localStorage=require('localStorage');
let logToConsole=require('logToConsole');
let queryPermission=require('queryPermission');
let setInWindow=require('setInWindow');
let sha256=require('sha256');
let templateStorage=require('templateStorage');
let Object=require('Object');
let Math=require('Math');
let JSON=require('JSON');
// src/core/limits.ts
var LIMITS={rows:500,tags:500,values:1e3,textLength:8192,characters:32768};
// src/sandbox/object.ts
function isObject(value){
return getType(value)==="object";}
function isUnsafeKey(key){
return key==="__proto__"||key==="constructor"||key==="prototype";}
// src/core/checks.ts
var isArray=(value)=>getType(value)==="array";
var isString=(value)=>getType(value)==="string";
var isFiniteNumber=(value)=>getType(value)==="number"&&value-value===0;
var INHERITED="constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf __proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__".split(" ");
function has(object,key){
if(INHERITED.indexOf(key)>=0)return Object.keys(object).indexOf(key)>=0;
return object[key]!==undefined;}
function text(value){
let trimmed=isString(value)?value.trim():isFiniteNumber(value)?makeString(value):"";
return trimmed===""?null:trimmed;}
var isMissing=(value)=>value===undefined||value===null||isString(value)&&value.trim()==="";
function flag(value,fallback){
let word=isString(value)?value.trim().toLowerCase():value;
return word===true||word==="true"?true:word===false||word==="false"?false:fallback;}
function oneOf(word,choices){
let lower=word.trim().toLowerCase();
for(let i=0;i<choices.length;i++){
if(choices[i].toLowerCase()===lower)return choices[i];}
return null;}
function choice(value,choices,fallback){
let chosen=isString(value)?oneOf(value,choices):null;
return chosen===null?fallback:chosen;}
function pick(value,choices,what,note){
let word=text(value);
let chosen=word===null?choices[0]:oneOf(word,choices);
if(chosen!==null)return chosen;
note("warning",what+' "'+word+'" is not '+choices.slice(0,-1).join(", ")+" or "+choices[choices.length-1]+"; "+choices[0]+" is used");
return choices[0];}
function tableRows(value,what,note){
if(value===undefined||value===null||value==="")return[];
if(!isArray(value)){
note("warning",what+" must be a list of rows; ignored");
return[];}
if(value.length<=LIMITS.rows)return value;
note("warning",what+" has "+value.length+" rows; only the first "+LIMITS.rows+" are used");
return value.slice(0,LIMITS.rows);}
function milliseconds(value,fallback,max){
let number=isString(value)&&value.trim()!==""?makeNumber(value.trim()):value;
if(!isFiniteNumber(number)||number<0)return fallback;
return Math.min(Math.floor(number),max);}
function without(object,drop){
let copy={};
Object.keys(object).forEach((key)=>{
if(drop.indexOf(key)<0)copy[key]=object[key];});
return copy;}
var copyObject=(object)=>assign({},object);
function assign(into,from){
Object.keys(from).forEach((key)=>{
into[key]=from[key];});
return into;}
function isScalar(value){
let type=getType(value);
return type==="string"||type==="number"||type==="boolean"||type==="null";}
// src/core/consent.ts
var DEFAULT_CONSENT_TYPE="analytics_storage";
var KNOWN_CONSENT_TYPES=["ad_storage","analytics_storage","ad_user_data","ad_personalization","functionality_storage","personalization_storage","security_storage"];
var WHEN_DENIED=["drop","wait"];
function readConsent(config2,note){
if(!isObject(config2))return null;
let type=text(config2.type);
let rule={
type:type===null?DEFAULT_CONSENT_TYPE:type,
whenDenied:choice(config2.whenDenied,WHEN_DENIED,"drop")};
if(KNOWN_CONSENT_TYPES.indexOf(rule.type)<0)note("warning",'consent type "'+rule.type+'" is not a Google consent type');
return rule;}
function gate(rule,platform,note,proceed){
if(rule===null)return"granted";
let consent=platform.consent;
if(consent===undefined){
note("info","no consent state; "+rule.type+" treated as granted");
return"granted";}
if(consent.isGranted(rule.type))return"granted";
if(rule.whenDenied==="drop"){
note("info","consent "+rule.type+" denied; nothing sent");
return"dropped";}
note("info","consent "+rule.type+" denied; waiting for grant");
let ran=false;
consent.onChange(rule.type,(granted)=>{
if(!granted||ran)return ran;
ran=true;
note("info","consent "+rule.type+" granted; sending now");
proceed();
return true;});
return"waiting";}
// src/core/md5.ts
var PRINTABLE=" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
var HEX="0123456789abcdef";
function sineTable(){
let table=[];
let turn=6.283185307179586;
for(let i=1;i<=64;i++){
let x=i-Math.floor(i/turn+0.5)*turn;
let term=x;
let sum=x;
for(let n=1;n<16;n++){
term=-term*x*x/(2*n*(2*n+1));
sum+=term;}
table.push(Math.floor(Math.abs(sum)*4294967296));}
return table;}
var K=sineTable();
var SHIFTS=[7,12,17,22,5,9,14,20,4,11,16,23,6,10,15,21];
function utf8Bytes(input2){
let encoded=encodeUriComponent(input2);
if(encoded===undefined)return null;
let bytes=[];
for(let i=0;i<encoded.length;i++){
let c=encoded.charAt(i);
if(c!=="%")bytes.push(PRINTABLE.indexOf(c)+32);
else bytes.push(HEX.indexOf(encoded.charAt(++i).toLowerCase())*16+HEX.indexOf(encoded.charAt(++i).toLowerCase()));}
return bytes;}
function md5(input2){
let bytes=utf8Bytes(input2);
if(bytes===null)return null;
let length=bytes.length;
let words=[];
for(let i=((length+8>>>6)+1)*16;i>0;i--)words.push(0);
bytes.push(128);
for(let i=0;i<=length;i++)words[i>>>2]|=bytes[i]<<i%4*8;
words[words.length-2]=length<<3;
words[words.length-1]=length>>>29;
let state=[1732584193,4023233417|0,2562383102|0,271733878];
for(let block=0;block<words.length;block+=16){
let v=state;
for(let i=0;i<64;i++){
let r=i>>>4;
let b=v[1];
let c=v[2];
let d=v[3];
let f=r===0?b&c|(b^-1)&d:r===1?d&b|(d^-1)&c:r===2?b^c^d:c^(b|d^-1);
let word=words[block+(r===0?i:r===1?5*i+1:r===2?3*i+5:7*i)%16];
let sum=v[0]+f+K[i]+word|0;
let shift=SHIFTS[r*4+i%4];
v=[d,b+(sum<<shift|sum>>>32-shift)|0,b,c];}
state=state.map((value,j)=>value+v[j]|0);}
let out="";
for(let i=0;i<16;i++){
let byte=state[i>>>2]>>>i%4*8&255;
out+=HEX.charAt(byte>>>4)+HEX.charAt(byte&15);}
return out;}
// src/core/dedupe.ts
var STORAGE_KEY="gtm_identify_last";
var STORED_PATTERN='^[{]("[a-z]+":"[0-9a-f]{32}"(,"[a-z]+":"[0-9a-f]{32}")*)?[}]$';
function canonicalJson(value){
let type=getType(value);
if(type==="array")return"["+value.map((item)=>canonicalJson(item)).join(",")+"]";
if(type==="object"){
let object=value;
let keys=Object.keys(object).filter((key)=>object[key]!==undefined).sort();
return"{"+keys.map((key)=>JSON.stringify(key)+":"+canonicalJson(object[key])).join(",")+"}";}
return JSON.stringify(value);}
function signature(call){
return md5(canonicalJson({
userId:call.userId,
email:call.email,
traits:call.traits,
tags:call.tags,
company:call.company,
event:call.event}));}
function readSignatures(platform){
let stored=platform.storage.getItem(STORAGE_KEY);
if(getType(stored)!=="string"||stored.match(STORED_PATTERN)===null)return{};
return JSON.parse(stored);}
function write(platform,signatures){
if(Object.keys(signatures).length===0)platform.storage.removeItem(STORAGE_KEY);
else platform.storage.setItem(STORAGE_KEY,JSON.stringify(signatures));}
var isUnchanged=(platform,vendor,sig)=>readSignatures(platform)[vendor]===sig;
function remember(platform,vendor,sig){
let signatures=readSignatures(platform);
signatures[vendor]=sig;
write(platform,signatures);}
function forget(platform,vendors){
let signatures=readSignatures(platform);
let kept=without(signatures,vendors);
if(Object.keys(signatures).length!==Object.keys(kept).length)write(platform,kept);}
// src/core/once.ts
function once(fn){
let called=false;
return(value)=>{
if(called)return;
called=true;
fn(value);};}
// src/core/text.ts
var UPPER="ABCDEFGHIJKLMNOPQRSTUVWXYZ";
var LOWER_OR_DIGIT="abcdefghijklmnopqrstuvwxyz0123456789";
var WORD=UPPER+LOWER_OR_DIGIT+"_";
var EMAIL_PATTERN="^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
var isEmail=(value)=>value.match(EMAIL_PATTERN)!==null;
var isHex=(value,length)=>value.length===length&&value.match("^[0-9a-fA-F]+$")!==null;
var onlyChars=(value,allowed)=>value.split("").every((c)=>allowed.indexOf(c)>=0);
var isDigits=(value)=>value!==""&&onlyChars(value,"0123456789");
function snakeCase(key){
let out="";
for(let i=0;i<key.length;i++){
let c=key.charAt(i);
if(UPPER.indexOf(c)>=0&&i>0){
let before=key.charAt(i-1);
let after=key.charAt(i+1);
let wordStart=UPPER.indexOf(before)>=0&&after!==""&&LOWER_OR_DIGIT.indexOf(after)>=0;
if(LOWER_OR_DIGIT.indexOf(before)>=0||wordStart)out+="_";}
out+=c.toLowerCase();}
return out;}
var wordChars=(key)=>key.split("").map((c)=>WORD.indexOf(c)>=0?c:"_").join("");
var endsWith=(value,suffix)=>value.substring(value.length-suffix.length)===suffix;
function withArticle(type){
if(type==="null"||type==="undefined")return type;
return(type==="array"||type==="object"?"an ":"a ")+type;}
// src/core/hash.ts
var HASH_METHODS=["none","sha256","md5"];
var HEX_LENGTH={sha256:64,md5:32};
var readHashMethod=(value,note)=>pick(value,HASH_METHODS,"hash method",note);
var isHashed=(value,method)=>isHex(value.trim(),HEX_LENGTH[method]);
function hashValue(value,method,platform,note,done){
if(method==="none")return done(value,null);
let trimmed=value.trim();
if(isHashed(trimmed,method)){
note("info","user id already is a "+method+" hash; sent as is");
return done(trimmed,null);}
let input2=isEmail(trimmed)?trimmed.toLowerCase():trimmed;
if(method==="md5"){
let digest=md5(input2);
return done(digest,digest===null?"user id cannot be encoded for md5":null);}
let finish=once((digest)=>{
if(digest===null)done(null,"SHA-256 hashing failed");
else done(digest.toLowerCase(),null);});
platform.sha256(input2,finish,()=>finish(null));}
// src/core/messages.ts
var formatMessage=(message)=>"gtm-identify "+(message.vendor===null?"":message.vendor+" ")+message.level+": "+message.text;
var collectInto=(list,vendor)=>(level,text2)=>{
list.push({level:level,vendor:vendor,text:text2});};
var hasErrors=(list)=>list.some((message)=>message.level==="error");
var errorText=(list)=>list.filter((message)=>message.level==="error").map((message)=>message.text).join("; ");
// src/core/dates.ts
var DAY_MS=864e5;
var EPOCH_SECONDS_BELOW=1e11;
var MAX_MS=253402300799999;
var MIN_MS=-621672192e5;
var ISO_PATTERN="^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?)?([Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?)?$";
var NUMBER_PATTERN="^-?[0-9]+(?:[.][0-9]+)?$";
function daysFromCivil(year,month,day){
let y=month<=2?year-1:year;
let era=Math.floor(y/400);
let yearOfEra=y-era*400;
let dayOfYear=Math.floor((153*(month>2?month-3:month+9)+2)/5)+day-1;
return era*146097+yearOfEra*365+Math.floor(yearOfEra/4)-Math.floor(yearOfEra/100)+dayOfYear-719468;}
function civilFromDays(days){
let z=days+719468;
let era=Math.floor(z/146097);
let dayOfEra=z-era*146097;
let yearOfEra=Math.floor((dayOfEra-Math.floor(dayOfEra/1460)+Math.floor(dayOfEra/36524)-Math.floor(dayOfEra/146096))/365);
let dayOfYear=dayOfEra-(365*yearOfEra+Math.floor(yearOfEra/4)-Math.floor(yearOfEra/100));
let mp=Math.floor((5*dayOfYear+2)/153);
let day=dayOfYear-Math.floor((153*mp+2)/5)+1;
let month=mp<10?mp+3:mp-9;
let year=yearOfEra+era*400+(month<=2?1:0);
return[year,month,day];}
function pad(value,width){
let digits="000"+makeString(value);
return digits.substring(digits.length-width);}
function formatIso(ms){
let whole=Math.floor(ms);
let days=Math.floor(whole/DAY_MS);
let civil=civilFromDays(days);
let time=whole-days*DAY_MS;
let unit=(size,count,width)=>pad(Math.floor(time/size)%count,width);
return pad(civil[0],4)+"-"+pad(civil[1],2)+"-"+pad(civil[2],2)+"T"+unit(36e5,24,2)+":"+unit(6e4,60,2)+":"+unit(1e3,60,2)+"."+unit(1,1e3,3)+"Z";}
function formatSpaced(ms){
let iso=formatIso(ms);
return iso.substring(0,10)+" "+iso.substring(11,19);}
var inRange=(ms)=>ms>=MIN_MS&&ms<=MAX_MS?ms:null;
function fromEpochNumber(value){
if(!isFiniteNumber(value))return null;
let ms=Math.abs(value)<EPOCH_SECONDS_BELOW?value*1e3:value;
return inRange(Math.round(ms));}
function fromIsoString(value){
let parts=value.match(ISO_PATTERN);
if(!parts)return null;
let given=(i)=>getType(parts[i])==="string";
let part=(i)=>given(i)?makeNumber(parts[i]):0;
let days=daysFromCivil(part(1),part(2),part(3));
let civil=civilFromDays(days);
if(civil[0]!==part(1)||civil[1]!==part(2)||civil[2]!==part(3))return null;
if(part(4)>23||part(5)>59||part(6)>59||part(10)>23||part(11)>59||given(8)&&!given(4))return null;
let minutes=(days*24+part(4))*60+part(5)-(parts[9]==="-"?-1:1)*(part(10)*60+part(11));
let fraction=given(7)?makeNumber((parts[7]+"00").substring(0,3)):0;
return inRange((minutes*60+part(6))*1e3+fraction);}
function parseDate(value){
let type=getType(value);
if(type==="number")return fromEpochNumber(value);
if(type!=="string")return null;
let trimmed=value.trim();
if(trimmed.match(NUMBER_PATTERN))return fromEpochNumber(makeNumber(trimmed));
return fromIsoString(trimmed);}
function toIsoDate(value){
let ms=parseDate(value);
return ms===null?null:formatIso(ms);}
function toUnixSeconds(value){
let ms=parseDate(value);
return ms===null?null:Math.floor(ms/1e3);}
// src/core/traits.ts
var TRAIT_TYPES=["text","number","boolean","date"];
var TRAIT_ALIASES={
created_at:"createdAt",
first_name:"firstName",
last_name:"lastName"};
var ADDRESS_ALIASES={postal_code:"postalCode"};
var COMPANY_ALIASES={employee_count:"employeeCount"};
var DATE_TRAITS=["createdAt","birthday"];
var MAX_DEPTH=10;
var valueBudget=(what)=>({left:LIMITS.values,characters:LIMITS.characters,what:what});
function spend(budget,note){
if(budget.left>0){
budget.left-=1;
return true;}
if(budget.left===0)note("warning","more than "+LIMITS.values+" values in "+budget.what+"; the rest left out");
budget.left=-1;
return false;}
function toJson(value,where,depth,note,budget){
let type=getType(value);
let left=budget===undefined?valueBudget(where):budget;
if(type==="string"){
let trimmed=value.trim();
if(trimmed.length>LIMITS.textLength){
note("warning",where+" is longer than "+LIMITS.textLength+" characters; left out");
return undefined;}
if(trimmed.length>left.characters){
if(left.characters>=0)note("warning","more than "+LIMITS.characters+" characters of text in "+left.what+"; the rest left out");
left.characters=-1;
return undefined;}
left.characters-=trimmed.length;
return trimmed===""?undefined:trimmed;}
if(type==="number"){
if(isFiniteNumber(value))return value;
note("warning",where+" is not a finite number; dropped");
return undefined;}
if(type==="boolean"||type==="null")return value;
if(type==="function")note("warning",where+" is a function; dropped");
if(type!=="array"&&type!=="object")return undefined;
if(depth>=MAX_DEPTH){
note("warning",where+" is nested more than "+MAX_DEPTH+" levels deep; dropped");
return undefined;}
let list=type==="array";
let items=value;
let keys=list?[]:Object.keys(items);
let out=list?[]:{};
for(let i=0;i<(list?items.length:keys.length)&&spend(left,note);i++){
let key=list?i:keys[i];
let at=list?where+"["+i+"]":where+"."+key;
if(!list&&isUnsafeKey(key)){
note("warning",at+" is not allowed as a name; dropped");
continue;}
let item=toJson(items[key],at,depth+1,note,left);
if(item===undefined)continue;
if(list)out.push(item);
else out[key]=item;}
return out;}
function readObject(value,where,note,budget){
let type=getType(value);
if(type==="undefined"||type==="null"||value==="")return{};
if(type==="object")return toJson(value,where,0,note,budget);
note("warning",where+" must be an object, not "+withArticle(type)+"; ignored");
return{};}
var canonicalName=(key,aliases)=>aliases.hasOwnProperty(key)?aliases[key]:key;
function canonicalKeys(object,aliases,where,note){
let out={};
Object.keys(object).forEach((key)=>{
let name=canonicalName(key,aliases);
if(name!==key&&has(object,name))return note("warning",where+" has both "+key+" and "+name+"; "+name+" is used");
out[name]=object[key];});
return out;}
function canonicalTraits(traits,where,note){
let out=canonicalKeys(traits,TRAIT_ALIASES,where,note);
let address=out.address;
if(isObject(address))out.address=canonicalKeys(address,ADDRESS_ALIASES,where+".address",note);
return out;}
var TRUE_WORDS=["true","1","yes"];
var FALSE_WORDS=["false","0","no"];
function toBoolean(value){
let word=isScalar(value)?makeString(value).trim().toLowerCase():"";
return TRUE_WORDS.indexOf(word)>=0?true:FALSE_WORDS.indexOf(word)>=0?false:null;}
function toNumber(value){
let number=isString(value)?makeNumber(value.trim()):value;
return isFiniteNumber(number)?number:null;}
var EXPECTED={number:"a number",boolean:"true/false/yes/no/1/0",date:"a date (ISO-8601 or epoch seconds/ms)"};
function typedValue(value,type,where,note,budget){
let raw=isString(value)?value.trim():value;
if(raw===""||raw===null||raw===undefined)return null;
if(type==="text"){
let rawType=getType(raw);
if(rawType==="number"||rawType==="boolean")return{value:makeString(raw),date:false};
let json=toJson(raw,where,0,note,budget);
return json===undefined?null:{value:json,date:false};}
let converted=type==="number"?toNumber(raw):type==="boolean"?toBoolean(raw):toIsoDate(raw);
if(converted!==null)return{value:converted,date:type==="date"};
note("warning",where+": "+describe(raw)+" is not "+EXPECTED[type]+"; dropped");
return null;}
function fullName(traits){
let parts=[traits.firstName,traits.lastName].filter((part)=>isScalar(part)&&part!==null);
return parts.length===0?null:parts.map((part)=>makeString(part)).join(" ");}
function describe(value){
let type=getType(value);
if(type==="string")return'"'+value+'"';
return isScalar(value)||type==="undefined"?makeString(value):type;}
// src/core/company.ts
function readCompany(fromTraits,explicit,note){
let raw=readCompanySource(fromTraits,"traits.company",note);
assign(raw,readCompanySource(explicit,"company",note));
let company2=without(raw,["id","employeeCount"]);
let id=text(raw.id);
if(id!==null)company2.id=id;
else if(raw.id!==undefined)note("warning","company.id must be text or a number; dropped");
let typed=typedValue(raw.employeeCount,"number","company.employeeCount",note);
if(typed!==null)company2.employeeCount=typed.value;
return Object.keys(company2).length===0?null:company2;}
function readCompanySource(value,where,note){
let type=getType(value);
if(type==="string"||type==="number"){
let name=text(value);
if(name!==null)note("info",where+" is text; used as the company name");
return name===null?{}:{name:name};}
return canonicalKeys(readObject(value,where,note),COMPANY_ALIASES,where,note);}
// src/core/identity.ts
var MAX_USER_ID_LENGTH=255;
function readEmail(explicit,fromTraits,note){
let candidate=text(explicit)!==null?explicit:fromTraits;
if(candidate===undefined||candidate===null||candidate==="")return null;
let email=isString(candidate)?text(candidate):null;
if(email===null){
note("warning","email must be text, not "+describe(candidate)+"; dropped");
return null;}
if(!isEmail(email)){
note("warning",'email "'+email+'" is not a valid address; dropped');
return null;}
return email;}
function readUserId(raw,email,note){
let value=raw.userId;
let useEmail=flag(raw.useEmailAsUserId,false);
if(isMissing(value)){
if(!useEmail)return null;
if(email===null)note("warning",'"use email as user id": no valid email; stays anonymous');
return email===null?null:withinLength(email.toLowerCase(),note);}
let id=text(value);
if(id===null){
note("error","user id must be text or a number, not "+describe(value));
return null;}
if(useEmail)note("warning",'"use email as user id": a user id is given and used');
return withinLength(id,note);}
function withinLength(id,note){
if(id.length<=MAX_USER_ID_LENGTH)return id;
note("error","user id is "+id.length+" characters; at most "+MAX_USER_ID_LENGTH+" allowed");
return null;}
// src/core/tags.ts
function addTag(into,name,value,note){
let tagName=text(name);
if(tagName===null||value===false)return;
let valueType=getType(value);
let tagValue=text(value);
let problem=tagName.length>LIMITS.textLength||tagValue!==null&&tagValue.length>LIMITS.textLength?"is longer than "+LIMITS.textLength+" characters; left out":tagName.indexOf(",")>=0?"dropped: no commas in names":isUnsafeKey(tagName)?"dropped: a reserved key":null;
if(problem!==null){
return note("warning",'tag "'+tagName.substring(0,100)+'" '+problem);}
if(tagValue===null&&valueType!=="string"&&valueType!=="boolean"&&valueType!=="undefined"&&valueType!=="null"){
note("warning",'tag "'+tagName+'" has a '+valueType+" value; sent as a label");}
into.push(tagValue===null?{name:tagName}:{name:tagName,value:tagValue});}
function addFromText(into,value,note){
value.split(",").forEach((item)=>{
let at=item.indexOf("=");
if(item.trim()==="")return;
if(at<0)addTag(into,item,undefined,note);
else if(item.substring(0,at).trim()==="")note("warning",'tag "'+item.trim()+'" has no name; dropped');
else addTag(into,item.substring(0,at),item.substring(at+1),note);});}
var MAX_LIST_ENTRIES=1e5;
function parseTags(value,into,note){
let pending=[value];
let budget=MAX_LIST_ENTRIES;
while(pending.length>0){
let item=pending.pop();
if(isArray(item)){
budget-=item.length;
if(budget<0){
note("warning","tags: over "+MAX_LIST_ENTRIES+" list entries (or a list holds itself); the rest ignored");
return into;}
for(let i=item.length-1;i>=0;i--)pending.push(item[i]);}else if(isObject(item)&&(has(item,"name")||has(item,"key"))){
addTag(into,item.name!==undefined?item.name:item.key,item.value,note);}else{
addFromValue(into,item,note);}}
return into;}
function addFromValue(into,value,note){
let type=getType(value);
if(type==="string")addFromText(into,value,note);
else if(type==="number")addTag(into,value,undefined,note);
else if(isObject(value)){
Object.keys(value).forEach((key)=>addTag(into,key,value[key],note));}else if(type!=="undefined"&&type!=="null"){
note("warning","tags must be text, a list or an object, not "+withArticle(type)+"; ignored");}}
function uniqueTags(tags,note){
let out=[];
let at={};
let reported=false;
tags.forEach((tag)=>{
let slot=at["$"+tag.name];
if(slot!==undefined){
out[slot]=tag;}else if(out.length<LIMITS.tags){
at["$"+tag.name]=out.length;
out.push(tag);}else if(!reported){
reported=true;
note("warning","more than "+LIMITS.tags+" tags; the rest left out");}});
return out;}
var labels=(tags)=>tags.filter((tag)=>tag.value===undefined).map((tag)=>tag.name);
var keyValueTags=(tags)=>tags.filter((tag)=>tag.value!==undefined);
function callTraits(call,company2,labelsAs,note){
let traits=copyObject(call.traits);
if(call.email!==null)traits.email=call.email;
if(company2!==null)traits.company=company2;
keyValueTags(call.tags).forEach((tag)=>{
if(tagFits(traits,tag.name,tag.name,note))traits[tag.name]=tag.value;});
let names=labels(call.tags);
if(names.length>0)traits.tags=labelsAs(names);
return traits;}
function tagFits(into,key,name,note){
if(!has(into,key))return true;
note("warning","tag "+name+' not sent: "'+key+'" is already set');
return false;}
// src/core/trait-sources.ts
function readTraits(object,rows,note){
let budget=valueBudget("traits");
let fromObject=canonicalTraits(readObject(object,"traits",note,budget),"traits",note);
let set=readTraitRows(rows,note,budget);
set.traits=assign(fromObject,set.traits);
typeReservedTraits(set,note);
return set;}
function readTraitRows(value,note,budget){
let traits={};
let dates={};
tableRows(value,"traits table",note).forEach((row,i)=>{
let where="traits row "+(i+1);
if(!isObject(row))return note("warning",where+" is not a row; ignored");
let rawKey=text(row.key);
if(rawKey===null){
if(text(row.value)!==null)note("warning",where+" has a value but no name; ignored");
return;}
let key=canonicalName(rawKey,TRAIT_ALIASES);
let named=where+" ("+rawKey+")";
let typed=typedValue(row.value,pick(row.type,TRAIT_TYPES,named+": type",note),named,note,budget);
if(typed===null)return;
traits[key]=typed.value;
dates["$"+key]=typed.date;});
return{traits:traits,dateKeys:Object.keys(traits).filter((key)=>dates["$"+key])};}
function typeReservedTraits(set,note){
DATE_TRAITS.forEach((key)=>{
let value=set.traits[key];
if(value===undefined||set.dateKeys.indexOf(key)>=0)return;
let iso=toIsoDate(value);
if(iso===null)return note("warning",key+": "+describe(value)+" is not a date; sent as given");
set.traits[key]=iso;
set.dateKeys.push(key);});
let age=set.traits.age;
let typed=isString(age)?typedValue(age,"number","age",note):null;
if(typed!==null)set.traits.age=typed.value;}
// src/core/normalize.ts
var IDENTIFY_EVENTS=["identify","sign_in","sign_up"];
function normalize(input2,source){
let messages=[];
let note=collectInto(messages,null);
let raw=isObject(input2)?input2:{};
if(!isObject(input2))note("error","identify input must be an object, not "+withArticle(getType(input2)));
let set=readTraits(raw.traits,raw.traitRows,note);
let email=readEmail(raw.email,set.traits.email,note);
let company2=readCompany(set.traits.company,raw.company,note);
let tags=uniqueTags(parseTags(raw.tags,parseTags(set.traits.tags,[],note),note),note);
let pulledOut=["email","company","tags"];
let traits=without(set.traits,pulledOut);
let call={
userId:readUserId(raw,email,note),
email:email,
traits:traits,
dateKeys:set.dateKeys.filter((key)=>pulledOut.indexOf(key)<0),
tags:tags,
company:company2,
event:pick(raw.event,IDENTIFY_EVENTS,"event",note),
source:source};
let empty=call.userId===null&&email===null&&Object.keys(traits).length===0&&tags.length===0&&company2===null;
if(empty&&!hasErrors(messages)){
note("error","nothing to identify: no user id, email, traits, tags or company");}
return{call:call,messages:messages};}
// src/core/vendors/ids.ts
var VENDOR_IDS=["segment","customerio","gist","mutiny","connecto","antsomi"];
var vendorId=(value)=>VENDOR_IDS.indexOf(value)>=0?value:null;
// src/core/flat.ts
var flatKey=(entry)=>entry.parent===null?entry.name:snakeCase(entry.parent+"_"+entry.name);
function flatValue(value,where,note){
if(isScalar(value))return value;
let list=value;
let parts=[];
for(let i=0;i<list.length;i++){
let item=list[i];
if(!isScalar(item)){
note("warning",where+" is a list of objects or lists; dropped");
return undefined;}
if(item!==null)parts.push(makeString(item));}
return parts.join(",");}
function flatten(object,note){
let entries=[];
let add=(parent,name,value)=>{
let where=parent===null?name:parent+"."+name;
if(isObject(value)){
if(parent!==null)return note("warning",where+" is nested over one level deep; dropped");
let nested=value;
return Object.keys(nested).forEach((key)=>add(name,key,nested[key]));}
let flat=flatValue(value,where,note);
if(flat!==undefined)entries.push({parent:parent,name:name,value:flat});};
Object.keys(object).forEach((key)=>add(null,key,object[key]));
return entries;}
function callEntries(call,note){
let all=copyObject(call.traits);
if(call.company!==null)all.company=call.company;
return flatten(all,note);}
function putOnce(into,key,value,note){
if(has(into,key))note("warning",'"'+key+'" is given twice; the last is used');
into[key]=value;}
// src/core/vendors/options.ts
var KEY_CHARS=WORD+"-";
var optionsObject=(options)=>isObject(options)?options:{};
function readKey(value,label,allowed){
let key=text(value);
if(key===null)return{value:null,error:label+" is missing"};
if(!onlyChars(key,allowed))return{value:null,error:label+' "'+key+'" has characters not allowed'};
return{value:key,error:null};}
// src/core/vendors/types.ts
var outcome=(status,message)=>({status:status,message:message});
// src/core/vendors/runtime.ts
var MAX_WAIT_MS=3e4;
var DEFAULT_WAIT_MS=5e3;
var typeAt=(platform,path)=>getType(platform.copyFromWindow(path));
var isFunctionAt=(platform,path)=>typeAt(platform,path)==="function";
function callPage(platform,path,args){
let error=null;
platform.callInWindow(path,args,(reason)=>{
error=reason;});
return error;}
var sentUnless=(error,message)=>error===null?outcome("sent",message):outcome("failed",error);
function loadScript(platform,url,done){
let finish=once(done);
platform.injectScript(url,()=>finish(true),()=>finish(false),url);}
var notTheSdk=(global,type,vendor)=>outcome("failed","window."+global+" is a "+type+", not "+vendor+"'s SDK; nothing sent");
function queued(platform,url,vendor,queue,done){
if(url===null)return done(outcome("queued",vendor+" not loaded yet; queued in "+queue));
loadScript(platform,url,(loaded)=>{
if(loaded)done(outcome("queued","queued; "+vendor+"'s script loaded and runs it"));
else done(outcome("failed","queued, but "+vendor+"'s script failed to load ("+url+")"));});}
function waitUntil(platform,ready,boundMs,done){
let start=platform.now();
let finish=once(done);
let check=()=>{
if(ready())return finish(true);
if(platform.now()-start>=boundMs)return finish(false);
platform.callLater(check);};
check();}
var noReset=(name)=>(_options,_context,done)=>done(outcome("skipped",name+" has no reset/logout; nothing to do"));
// src/core/vendors/antsomi.ts
var SCRIPT_URL="https://st-a.cdp.asia/insight.js";
var TRACK="web_event.track";
var QUEUE="web_event.queue";
var RESET_ID="web_event.resetAnonymousUId";
var LEAD_TIME="_cdpEventFunction._cdpGetLeadTime";
var CODE_PATTERN="^[a-z0-9_]+$";
var OURS=["type","customer_id","email"];
function readSettings(options){
let raw=optionsObject(options);
let ids=[text(raw.portalId),text(raw.propertyId)];
return{
from:choice(raw.customerIdFrom,["email","phone","userId"],"email"),
hash:choice(raw.customerIdHash,["md5","none"],"md5"),
lowerEmail:choice(raw.customerIdEmail,["lowercase","asGiven"],"lowercase")==="lowercase",
vocabulary:choice(raw.vocabulary,["template","devguide"],"template"),
load:flag(raw.loadScript,false),
ids:ids,
numericIds:ids.every((id)=>id!==null&&isDigits(id))};}
function customerId(call,settings){
let email=call.email!==null&&settings.lowerEmail?call.email.toLowerCase():call.email;
let source=settings.from==="email"?email:settings.from==="phone"?text(call.traits.phone):call.userId;
return source===null||settings.hash==="none"||isHashed(source,"md5")?source:md5(source);}
function attributeValue(key,value,isDate){
if(isDate){
let ms=parseDate(value);
if(ms!==null)return formatSpaced(ms).substring(0,key==="date_of_birth"?10:19);}
return value===null?undefined:value;}
function putAttribute(customers,key,value,note){
if(value===undefined)return;
if(OURS.indexOf(key)>=0)return note("warning",'attribute "'+key+'" is set by the tag; trait not sent');
if(key.match(CODE_PATTERN)===null)return note("warning",'attribute "'+key+'" dropped: only a-z, 0-9, _ allowed');
putOnce(customers,key,value,note);}
function customerAttributes(call,note){
let customers={};
callEntries(call,note).forEach((entry)=>{
let top=entry.parent===null;
let key=top&&entry.name==="birthday"?"date_of_birth":top?snakeCase(entry.name):flatKey(entry);
putAttribute(customers,key,attributeValue(key,entry.value,top&&call.dateKeys.indexOf(entry.name)>=0),note);});
let name=fullName(call.traits);
if(!has(customers,"name")&&name!==null)customers.name=name;
if(call.email!==null)customers.email=call.email;
keyValueTags(call.tags).forEach((tag)=>{
if(tagFits(customers,tag.name,tag.name,note))putAttribute(customers,tag.name,tag.value,note);});
let names=labels(call.tags);
if(names.length>0)putAttribute(customers,"tags",names.join(","),note);
return customers;}
function leadTime(context){
let platform=context.platform;
if(isFunctionAt(platform,LEAD_TIME)){
let time=text(platform.callInWindow(LEAD_TIME,[]));
if(time!==null)return time;}
context.note("info","no _cdpGetLeadTime yet; identify_time is now (UTC)");
return formatSpaced(platform.now());}
function trackPayload(call,cid,vocabulary,context){
let customers=customerAttributes(call,context.note);
let action=call.event;
return vocabulary==="devguide"?{
dims:{customers:assign({customer_id:cid},customers)},
extra:{identify_id:cid,identify_time:leadTime(context),identify_event:"user_"+action,identify_type:"exact"}}:{items:[],dims:{customers:assign({type:"customers",customer_id:cid},customers)},extra:{identify_id:cid,identify_event:action}};}
var SOURCE_NAMES={email:"an email",phone:"a phone trait",userId:"a user id"};
function identify(call,options,context,done){
let platform=context.platform;
let settings=readSettings(options);
let cid=customerId(call,settings);
if(cid===null){
let anonymous=call.userId===null&&call.email===null;
return done(outcome(anonymous?"skipped":"failed",(anonymous?"anonymous visitor: ":"no customer id: ")+"needs "+SOURCE_NAMES[settings.from]+" for the customer id; not sent"));}
let args=["user",call.event,trackPayload(call,cid,settings.vocabulary,context)];
let queue=()=>queued(platform,settings.load?SCRIPT_URL:null,"Antsomi",QUEUE,done);
if(isFunctionAt(platform,TRACK)){
let error=callPage(platform,TRACK,args);
return error!==null||typeAt(platform,QUEUE)!=="array"?done(sentUnless(error,TRACK+" called")):queue();}
let current=typeAt(platform,"web_event");
if(current!=="undefined")return done(notTheSdk("web_event",current,"Antsomi"));
if(settings.load&&!settings.numericIds){
return done(outcome("failed","cannot load: portal id and property id must be numeric"));}
let ids=settings.ids;
ids.forEach((id,i)=>{
if(!settings.load&&id!==null&&!isDigits(id)){
context.note("warning",(i===0?"portal":"property")+' id "'+id+'" is not numeric; _portalId and _propId not set');}});
let track=platform.createArgumentsQueue("web_event",QUEUE);
platform.aliasInWindow(TRACK,"web_event");
if(settings.numericIds){
platform.setInWindow("_portalId",ids[0],false);
platform.setInWindow("_propId",ids[1],false);
platform.setInWindow("web_event.propId",ids[1],false);}
track(args[0],args[1],args[2]);
queue();}
function reset(_options,context,done){
let platform=context.platform;
if(!isFunctionAt(platform,TRACK)){
return done(outcome("skipped","not on the page; nothing to reset"));}
let error=callPage(platform,TRACK,["user","sign_out"]);
if(error!==null||!isFunctionAt(platform,RESET_ID)){
return done(sentUnless(error,"sign_out sent; no web_event.resetAnonymousUId, anonymous id kept"));}
done(sentUnless(callPage(platform,RESET_ID,[]),"sign_out sent; anonymous id reset"));}
var VENDOR={name:"Antsomi",identify:identify,reset:reset};
// src/core/vendors/connecto.ts
var SCRIPT_URL2="https://server.connecto.io/javascripts/connect.prod.min.js";
function connectoTraits(call,note){
let out={};
callEntries(call,note).forEach((entry)=>{
if(entry.value!==null)putOnce(out,flatKey(entry),makeString(entry.value),note);});
if(call.email!==null)out.email=call.email;
keyValueTags(call.tags).forEach((tag)=>putOnce(out,tag.name,tag.value,note));
labels(call.tags).forEach((name)=>putOnce(out,name,name,note));
return out;}
function identify2(call,options,context,done){
let platform=context.platform;
let raw=optionsObject(options);
let traits=connectoTraits(call,context.note);
let ready=()=>isFunctionAt(platform,"_connecto.identify");
let waitMs=milliseconds(raw.waitMs,DEFAULT_WAIT_MS,MAX_WAIT_MS);
let wait=(what)=>waitUntil(platform,ready,waitMs,(ok)=>{
if(!ok)return done(outcome("failed",what+" within "+waitMs+" ms (no pre-load queue); identify dropped"));
let id=call.userId!==null?call.userId:call.email!==null?call.email:text(platform.callInWindow("_connecto.getIdentity",[]));
if(id===null)return done(outcome("failed","no user id, email or _connecto.getIdentity() id"));
done(sentUnless(callPage(platform,"_connecto.identify",[id,traits]),"_connecto.identify called"));});
if(ready()||!flag(raw.loadScript,false))return wait("not on the page");
let key=readKey(raw.licenseKey,"Connecto license key",KEY_CHARS);
if(key.value===null)return done(outcome("failed","cannot load Connecto: "+key.error));
if(isObject(platform.copyFromWindow("_TConnecto"))){
context.note("info","page already sets _TConnecto; its license key is used");}else{
platform.setInWindow("_TConnecto",{licenseKey:key.value},false);}
loadScript(platform,SCRIPT_URL2,(loaded)=>{
if(!loaded)return done(outcome("failed","script failed to load ("+SCRIPT_URL2+")"));
wait("script loaded but no _connecto.identify");});}
var reset2=noReset("Connecto");
var VENDOR2={name:"Connecto",identify:identify2,reset:reset2};
// src/core/vendors/analytics-js.ts
function readIntegrations(value,note){
if(isMissing(value))return null;
if(!isObject(value)){
note("warning","integrations must be an object; ignored");
return null;}
return toJson(value,"integrations",0,note);}
function identifyArgs(call,integrations,note){
let company2=call.company===null?null:without(call.company,["employeeCount"]);
if(company2!==null&&call.company.employeeCount!==undefined)company2.employee_count=call.company.employeeCount;
let traits=callTraits(call,company2,(names)=>names,note);
let args=call.userId===null?[traits]:[call.userId,traits];
if(integrations!==null)args.push({integrations:integrations});
return args;}
function foreign(vendor,setup,key,global,platform){
if(global!==setup.shared)return null;
if(key===null)return"enter the write key: window."+global+" may be Segment's; nothing sent";
if(typeAt(platform,global)==="undefined")return null;
let found=text(platform.copyFromWindow(global+"._writeKey"))||text(platform.copyFromWindow(global+".settings.writeKey"));
if(found===key)return null;
return"window."+global+" has another write key (Segment's?); nothing sent: use "+vendor+"'s cioanalytics snippet";}
function analyticsJsVendor(name,loadName,setupOf){
let run=(options,method,argsOf,context,done)=>{
let platform=context.platform;
let raw=optionsObject(options);
let load=flag(raw.loadScript,false);
let key=readKey(raw.writeKey,name+" write key",KEY_CHARS);
let setup=setupOf(raw,load?key.value:null);
let args=argsOf(raw,context.note);
let global=setup.queueGlobal;
let loaded=false;
for(let i=0;i<setup.callGlobals.length&&!loaded;i++){
loaded=isFunctionAt(platform,setup.callGlobals[i]+"."+method);
if(loaded)global=setup.callGlobals[i];}
let problem=foreign(name,setup,key.value,global,platform);
if(problem!==null)return done(outcome("failed",problem));
if(loaded){
return done(sentUnless(callPage(platform,global+"."+method,args),method+" called on window."+global));}
if(setup.scriptUrl===null&&load&&key.value===null)return done(outcome("failed","cannot load "+loadName+": "+key.error));
let current=typeAt(platform,global);
if(current!=="undefined"&&current!=="array")return done(notTheSdk(global,current,name));
let push=platform.createQueue(global);
if((setup.scriptUrl!==null||global===setup.shared)&&key.value!==null)platform.setInWindow(global+"._writeKey",key.value,false);
push([method].concat(args));
queued(platform,setup.scriptUrl,name,"window."+global,done);};
return{
name:name,
identify:(call,options,context,done)=>run(options,"identify",(raw,note)=>identifyArgs(call,readIntegrations(raw.integrations,note),note),context,done),
reset:(options,context,done)=>run(options,"reset",()=>[],context,done)};}
// src/core/vendors/customerio.ts
var SCRIPT_URLS=["https://cdp.customer.io/v1/analytics-js/snippet/*/analytics.min.js","https://cdp-eu.customer.io/v1/analytics-js/snippet/*/analytics.min.js"];
var GLOBALS=["cioanalytics","analytics"];
var customerioSetup=(raw,keyInUrl)=>{
let global=choice(raw.globalName,GLOBALS,"cioanalytics");
let pattern=SCRIPT_URLS[choice(raw.region,["us","eu"],"us")==="eu"?1:0];
let loading=keyInUrl!==null;
return{
callGlobals:loading&&global!=="analytics"?[global,"analytics"]:[global],
queueGlobal:loading?"analytics":global,
scriptUrl:loading?pattern.split("*").join(keyInUrl):null,
shared:"analytics"};};
var VENDOR3=analyticsJsVendor("Customer.io","Customer.io",customerioSetup);
// src/core/vendors/gist.ts
var SCRIPT_URL3="https://widget.getgist.com/";
var MAX_ID_LENGTH=254;
var MAX_STRING_LENGTH=255;
function readOptions(options){
let raw=optionsObject(options);
return{
load:flag(raw.loadScript,false),
appId:readKey(raw.appId,"Gist app id",KEY_CHARS),
overwriteTags:flag(raw.overwriteTags,false),
waitMs:milliseconds(raw.waitMs,DEFAULT_WAIT_MS,MAX_WAIT_MS)};}
var OWN_KEYS=["email","tags","overwrite_tags"];
function gistKey(name,note){
if(name===""||name.indexOf("$")>=0){
note("warning",'property "'+name+'" dropped: no "$" or empty names');
return null;}
let snake=snakeCase(name);
let key=wordChars(snake);
if(key!==snake)note("info",'property "'+name+'" sent as "'+key+'" (only letters, digits, _)');
if(OWN_KEYS.indexOf(key)<0)return key;
note("warning",'"'+name+'" not sent: "'+key+'" comes from the email and tags');
return null;}
function gistValue(key,value,note){
if(value!==null&&endsWith(key,"_at")){
let seconds=toUnixSeconds(value);
if(seconds===null)note("warning",'property "'+key+'" ends in _at (a date), but '+describe(value)+" is not a date; sent as given");
else if(seconds!==value)note("info",'property "'+key+'" sent as unix seconds ('+seconds+")");
if(seconds!==null)return seconds;}
if(isString(value)&&value.length>MAX_STRING_LENGTH){
note("warning",'property "'+key+'" truncated to '+MAX_STRING_LENGTH+" characters");
return value.substring(0,MAX_STRING_LENGTH);}
return value;}
function gistProps(call,overwriteTags,note){
let props={};
if(call.email!==null)props.email=call.email;
callEntries(call,note).forEach((entry)=>{
let key=gistKey(flatKey(entry),note);
if(key===null)return;
if(entry.parent!==null||call.dateKeys.indexOf(entry.name)<0)return putOnce(props,key,gistValue(key,entry.value,note),note);
let seconds=toUnixSeconds(entry.value);
if(seconds!==null)putOnce(props,endsWith(key,"_at")?key:key+"_at",seconds,note);});
let name=fullName(call.traits);
if(!has(props,"name")&&name!==null)props.name=gistValue("name",name,note);
keyValueTags(call.tags).forEach((tag)=>{
let key=gistKey(tag.name,note);
if(key!==null&&tagFits(props,key,tag.name,note))props[key]=gistValue(key,tag.value,note);});
let list="";
let left=[];
labels(call.tags).forEach((label)=>{
let next=list===""?label:list+","+label;
if(next.length<=MAX_STRING_LENGTH)list=next;
else left.push(label);});
if(left.length>0)note("warning","tags over "+MAX_STRING_LENGTH+" characters in all; not sent: "+left.join(", "));
if(list!==""){
props.tags=list;
if(!overwriteTags)props.overwrite_tags=false;}
return props;}
function identify3(call,options,context,done){
if(call.email===null){
return done(outcome(call.userId===null?"skipped":"failed",(call.userId===null?"anonymous visitor: ":"")+"needs an email; not sent"));}
if(call.userId!==null&&call.userId.length>MAX_ID_LENGTH){
return done(outcome("failed","user id over "+MAX_ID_LENGTH+" characters ("+call.userId.length+"); not sent"));}
let platform=context.platform;
let settings=readOptions(options);
let args=[call.userId===null?"":call.userId,gistProps(call,settings.overwriteTags,context.note)];
if(isFunctionAt(platform,"gist.identify")){
return done(sentUnless(callPage(platform,"gist.identify",args),"gist.identify called"));}
let current=typeAt(platform,"gist");
if(current!=="undefined"&&current!=="array")return done(notTheSdk("gist",current,"Gist"));
if(settings.load&&settings.appId.value===null)return done(outcome("failed","cannot load Gist: "+settings.appId.error));
let push=platform.createQueue("gist");
if(settings.load&&current==="undefined"){
push(["setAppId",settings.appId.value]);
push(["trackPageView"]);}
push(["identify"].concat(args));
queued(platform,settings.load?SCRIPT_URL3:null,"Gist","window.gist",done);}
function reset3(options,context,done){
let platform=context.platform;
let chatReady=()=>isFunctionAt(platform,"gist.chat");
if(!chatReady()&&typeAt(platform,"gist")==="undefined"){
return done(outcome("skipped","not on the page; nothing to shut down"));}
let waitMs=readOptions(options).waitMs;
waitUntil(platform,chatReady,waitMs,(ready)=>{
if(!ready)return done(outcome("skipped","not loaded within "+waitMs+" ms; chat('shutdown') not called"));
done(sentUnless(callPage(platform,"gist.chat",["shutdown"]),"gist.chat('shutdown') called"));});}
var VENDOR4={name:"Gist",identify:identify3,reset:reset3};
// src/core/vendors/mutiny.ts
function bareHost(domain){
let host=domain.trim().toLowerCase();
let scheme=host.indexOf("://");
host=host.substring(scheme<0?0:scheme+3).split("/")[0].split("?")[0].split("#")[0].split(":")[0];
return host.substring(0,4)==="www."?host.substring(4):host;}
function mutinyCompany(company2,note){
let out=copyObject(company2);
if(isString(out.domain)){
let host=bareHost(out.domain);
if(host!==out.domain)note("info",'company.domain "'+out.domain+'" sent as the bare host "'+host+'"');
out.domain=host;}
return out;}
var mutinyTraits=(call,note)=>callTraits(call,call.company===null?null:mutinyCompany(call.company,note),(names)=>names.join(","),note);
function identify4(call,_options,context,done){
let platform=context.platform;
if(!isFunctionAt(platform,"mutiny.client.identify")){
return done(outcome("skipped","not on the page (no mutiny.client.identify)"));}
if(call.email===null)context.note("warning","no email: cannot match a CRM record");
done(sentUnless(callPage(platform,"mutiny.client.identify",[call.userId,mutinyTraits(call,context.note)]),"mutiny.client.identify called"));}
var reset4=noReset("Mutiny");
var VENDOR5={name:"Mutiny",identify:identify4,reset:reset4};
// src/core/vendors/segment.ts
var SCRIPT_URL4="https://cdn.segment.com/analytics.js/v1/*/analytics.min.js";
var segmentSetup=(_raw,keyInUrl)=>({
callGlobals:["analytics"],
queueGlobal:"analytics",
scriptUrl:keyInUrl===null?null:SCRIPT_URL4.split("*").join(keyInUrl)});
var VENDOR6=analyticsJsVendor("Segment","analytics.js",segmentSetup);
// src/core/vendors/registry.ts
var VENDORS={
segment:VENDOR6,
customerio:VENDOR3,
gist:VENDOR4,
mutiny:VENDOR5,
connecto:VENDOR2,
antsomi:VENDOR};
// src/core/engine.ts
var ACTIONS=["identify","reset"];
function readTargets(value,note){
let targets=[];
if(!isArray(value))note("error","destinations must be a list");
else value.forEach((item,i)=>{
let id=isObject(item)?vendorId(item.vendor):null;
let module=id===null?undefined:VENDORS[id];
if(id===null)note("error","destination "+(i+1)+" names no known vendor; ignored");
else if(!module)note("error",id+" is not in this build; ignored");
else if(targets.some((target)=>target.vendor===id))note("warning",id+" is listed more than once; used once");
else targets.push({vendor:id,module:module,options:item.options});});
return targets;}
var resultsFor=(targets,status,message)=>targets.map((target)=>({vendor:target.vendor,status:status,message:message}));
function runIdentify(input2,config2,platform,done){
let messages=[];
let open=true;
let end=(ok,results)=>{
if(!open)return;
open=false;
done({ok:ok,results:results,messages:messages});};
let say=(vendor)=>(level,text2)=>{
let message={level:level,vendor:vendor,text:text2};
if(open)messages.push(message);
platform.log(formatMessage(message));};
let note=say(null);
let settings=isObject(config2)?config2:{};
let targets=readTargets(settings.destinations,note);
if(targets.length===0){
note("error","no destination to send to");
return end(false,[]);}
let action=pick(isObject(input2)?input2.action:undefined,ACTIONS,"action",note);
let source=settings.source==="datalayer_bridge"?"datalayer_bridge":"gtm_template";
let dedupe=settings.dedupe===true;
let fanOut=(each,complete)=>{
let results=[];
let pending=targets.length;
targets.forEach((target,index)=>{
each(target,{platform:platform,note:say(target.vendor)},once((outcome2)=>{
results[index]={vendor:target.vendor,status:outcome2.status,message:outcome2.message};
if(--pending===0)complete(results);}));});};
let sendIdentify=(call,complete)=>{
let sig=dedupe?signature(call):null;
fanOut((target,context,report)=>{
if(sig!==null&&isUnchanged(platform,target.vendor,sig)){
return report({status:"skipped",message:"unchanged since the last identify; not sent again"});}
target.module.identify(call,target.options,context,(outcome2)=>{
if(sig!==null&&(outcome2.status==="sent"||outcome2.status==="queued"))remember(platform,target.vendor,sig);
report(outcome2);});},complete);};
let identify5=(complete)=>{
let normalized=normalize(input2,source);
let failed=(error)=>complete(resultsFor(targets,"failed",error));
normalized.messages.forEach((message)=>note(message.level,message.text));
if(hasErrors(normalized.messages))return failed(errorText(normalized.messages));
let call=normalized.call;
let method=readHashMethod(isObject(input2)?input2.userIdHash:undefined,note);
if(call.userId===null||method==="none")return sendIdentify(call,complete);
hashValue(call.userId,method,platform,note,(hashed,error)=>{
if(hashed===null){
note("error",error);
return failed(error);}
call.userId=hashed;
sendIdentify(call,complete);});};
let inTurnThen=(after)=>{
let job=(next)=>{
let complete=(results)=>{
results.forEach((result)=>platform.log(formatMessage({level:result.status,vendor:result.vendor,text:result.message})));
after(results);
next();};
if(action!=="reset")return identify5(complete);
forget(platform,targets.map((target)=>target.vendor));
fanOut((target,context,report)=>target.module.reset(target.options,context,report),complete);};
return platform.serial?platform.serial(job):job(()=>undefined);};
let state=gate(readConsent(settings.consent,note),platform,note,()=>inTurnThen(()=>undefined));
if(state==="dropped")return end(true,resultsFor(targets,"skipped","consent denied; not sent"));
if(state==="waiting")return end(true,resultsFor(targets,"queued","waiting for consent"));
inTurnThen((results)=>end(results.some((result)=>result.status!=="failed"),results));}
// src/core/mapping.ts
function targetOf(as,to){
let explicit=text(as);
let word=(explicit===null?to:explicit).toLowerCase().split(" ").join("").split("_").join("").split("-").join("");
if(word==="userid")return"userId";
if(word==="email")return"email";
if(explicit!==null&&word==="tag")return"tag";
return"trait";}
function mapRead(read,rows,note){
let mapped={traitRows:[],tagRows:[]};
tableRows(rows,"key mapping",note).forEach((row,i)=>{
let from=isObject(row)?text(row.from):null;
if(from===null)return note("warning","key mapping row "+(i+1)+" has no source key; ignored");
let to=text(row.to);
let name=to===null?from:to;
let value=read(from);
if(value===undefined||value===null)return;
let target=targetOf(row.as,name);
if(target==="userId"||target==="email")mapped[target]=value;
else if(target==="tag")mapped.tagRows.push({name:name,value:value});
else mapped.traitRows.push({key:name,value:value,type:row.type});});
return mapped;}
function applyMapping(read,rows,input2,note){
let mapped=mapRead(read,rows,note);
let ownRows=isArray(input2.traitRows)?input2.traitRows:[];
if(!isMissing(input2.traitRows)&&!isArray(input2.traitRows))note("warning","traits table must be a list of rows; ignored");
let out=copyObject(input2);
if(isMissing(input2.userId))out.userId=mapped.userId;
if(isMissing(input2.email))out.email=mapped.email;
out.traitRows=mapped.traitRows.concat(ownRows);
out.tags=[mapped.tagRows,input2.tags];
return out;}
// src/core/lane.ts
var STALE_MS=MAX_WAIT_MS*2;
function createLane(now){
let jobs=[];
let running=0;
let count=0;
let since=0;
let pump=()=>{
while(running===0&&jobs.length>0){
let mine=++count;
let synchronous=true;
running=mine;
since=now();
jobs.shift()(()=>{
if(running!==mine)return;
running=0;
if(!synchronous)pump();});
synchronous=false;}};
return{
add:(job)=>{
if(running!==0&&now()-since>STALE_MS)running=0;
jobs.push(job);
pump();}};}
// src/template/destinations.ts
var capitalized=(word)=>word.charAt(0).toUpperCase()+word.substring(1);
var sendField=(vendor)=>"send"+capitalized(vendor);
function destinations(fields){
return VENDOR_IDS.filter((vendor)=>fields[sendField(vendor)]).map((vendor)=>{
let options={};
for(let name in fields){
if(name.substring(0,vendor.length)!==vendor)continue;
let option=name.charAt(vendor.length).toLowerCase()+name.substring(vendor.length+1);
options[option==="global"?"globalName":option]=fields[name];}
return{vendor:vendor,options:options};});}
// src/template/platform.ts
var globalPath=(access,path)=>queryPermission("access_globals",access,path)?path:undefined;
var consentType=(type)=>queryPermission("access_consent",type,"read")?type:undefined;
var scriptUrl=(url)=>queryPermission("inject_script",url)?url:undefined;
var dataLayerKey=(key)=>queryPermission("read_data_layer",key)?key:undefined;
var MAX_ARGS=3;
function debugLogger(){
let version=getContainerVersion();
let debug=version.debugMode===true||version.previewMode===true;
return(message)=>{
if(debug)logToConsole(message);};}
function lane(){
let shared=templateStorage.getItem("lane");
if(shared)return shared;
let created=createLane(getTimestampMillis);
templateStorage.setItem("lane",created);
return created;}
function gtmPlatform(log){
let no=(api,value,failed)=>{
let text2=api+" "+value+" is not in this template's permissions";
log("gtm-identify error: "+text2+"; not done");
if(failed)failed(text2);
return undefined;};
let ignore=()=>undefined;
let ours=(name)=>name===STORAGE_KEY||no("localStorage",name);
return{
callInWindow:(path,args,failed)=>{
let allowed=globalPath("execute",path);
if(allowed===undefined||args.length>MAX_ARGS)return no("callInWindow",path,failed);
if(args.length<2)return args.length===0?callInWindow(allowed):callInWindow(allowed,args[0]);
return args.length===2?callInWindow(allowed,args[0],args[1]):callInWindow(allowed,args[0],args[1],args[2]);},
copyFromWindow:(path)=>{
let allowed=globalPath("read",path);
return allowed===undefined?no("copyFromWindow",path):copyFromWindow(allowed);},
setInWindow:(path,value,override)=>{
let allowed=globalPath("write",path);
if(allowed===undefined)no("setInWindow",path);
else setInWindow(allowed,value,override);},
createQueue:(path)=>{
let allowed=globalPath("readwrite",path);
return allowed===undefined?no("createQueue",path)||ignore:createQueue(allowed);},
createArgumentsQueue:(fnPath,arrayPath)=>{
let fn=globalPath("readwrite",fnPath);
let array=globalPath("readwrite",arrayPath);
return fn===undefined||array===undefined?no("createArgumentsQueue",fnPath+" "+arrayPath)||ignore:createArgumentsQueue(fn,array);},
aliasInWindow:(toPath,fromPath)=>{
let to=globalPath("write",toPath);
let from=globalPath("read",fromPath);
if(to===undefined||from===undefined)no("aliasInWindow",toPath+" "+fromPath);
else aliasInWindow(to,from);},
injectScript:(url,onSuccess,onFailure,cacheToken)=>{
let allowed=scriptUrl(url);
if(allowed!==undefined)return injectScript(allowed,onSuccess,onFailure,cacheToken);
no("injectScript",url);
callLater(onFailure);},
callLater:callLater,
now:getTimestampMillis,
sha256:(input2,onSuccess,onFailure)=>sha256(input2,onSuccess,onFailure,{outputEncoding:"hex"}),
storage:{
getItem:(name)=>ours(name)?localStorage.getItem(STORAGE_KEY):null,
setItem:(name,value)=>ours(name)&&localStorage.setItem(STORAGE_KEY,value),
removeItem:(name)=>ours(name)&&localStorage.removeItem(STORAGE_KEY)},
consent:{
isGranted:(type)=>{
let allowed=consentType(type);
return allowed===undefined?no("isConsentGranted",type)||false:isConsentGranted(allowed);},
onChange:(type,listener)=>{
let allowed=consentType(type);
if(allowed===undefined)no("addConsentListener",type);
else addConsentListener(allowed,(_type,granted)=>listener(granted));}},
serial:(job)=>lane().add(job),
log:log};}
// src/template/code.ts
function company(){
let rows=data.companyRows;
let details=getType(rows)==="array"?makeTableMap(rows.filter((row)=>getType(row)==="object"&&getType(row.key)==="string"),"key","value"):undefined;
let base=data.company;
if(!details)return base;
let baseType=getType(base);
let merged=baseType==="object"?base:baseType==="string"||baseType==="number"?{name:base}:{};
for(let key in details)merged[key]=details[key];
return merged;}
function input(){
return{
action:data.action,
event:data.event,
userId:data.userId,
email:data.email,
useEmailAsUserId:data.useEmailAsUserId,
traitRows:data.traitRows,
traits:data.traitsObject,
tags:[data.tagsText,data.tagRows],
company:company(),
userIdHash:data.userIdHash};}
var withKeyMapping=(base,log)=>applyMapping((key)=>copyFromDataLayer(dataLayerKey(key)),data.keyMapping,base,(severity,message)=>log(formatMessage({level:severity,vendor:null,text:message})));
function config(){
return{
source:"gtm_template",
destinations:destinations(data),
dedupe:data.dedupe===true,
consent:data.consentRequired===true?{type:data.consentType,whenDenied:data.consentWhenDenied}:null};}
function main(){
let log=debugLogger();
runIdentify(withKeyMapping(input(),log),config(),gtmPlatform(log),(outcome2)=>{
if(outcome2.ok)data.gtmOnSuccess();
else data.gtmOnFailure();});}
main();



___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_personalization"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_user_data"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "functionality_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "personalization_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "security_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "_TConnecto"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "_cdpEventFunction._cdpGetLeadTime"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "_connecto.getIdentity"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "_connecto.identify"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "_portalId"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "_propId"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics._writeKey"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics.identify"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics.reset"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics.settings.writeKey"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "cioanalytics"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "cioanalytics._writeKey"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "cioanalytics.identify"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "cioanalytics.reset"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "gist"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "gist.chat"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "gist.identify"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "mutiny.client.identify"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "web_event"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "web_event.propId"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "web_event.queue"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "web_event.resetAnonymousUId"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "web_event.track"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_local_storage",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "gtm_identify_last"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_template_storage",
        "versionId": "1"
      },
      "param": []
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://cdn.segment.com/analytics.js/v1/*/analytics.min.js"
              },
              {
                "type": 1,
                "string": "https://cdp-eu.customer.io/v1/analytics-js/snippet/*/analytics.min.js"
              },
              {
                "type": 1,
                "string": "https://cdp.customer.io/v1/analytics-js/snippet/*/analytics.min.js"
              },
              {
                "type": 1,
                "string": "https://server.connecto.io/javascripts/connect.prod.min.js"
              },
              {
                "type": 1,
                "string": "https://st-a.cdp.asia/insight.js"
              },
              {
                "type": 1,
                "string": "https://widget.getgist.com/"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_container_data",
        "versionId": "1"
      },
      "param": []
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_data_layer",
        "versionId": "1"
      },
      "param": [
        {
          "key": "allowedKeys",
          "value": {
            "type": 1,
            "string": "any"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: Segment identify calls analytics.identify with the user id and typed traits
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      email: "ann@example.com",
      traitRows: [{ key: "plan", value: "pro", type: "text" }, { key: "age", value: "42", type: "number" }, { key: "beta", value: "true", type: "boolean" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "analytics.identify", "u-1", { plan: "pro", age: 42, beta: true, email: "ann@example.com" }]
    ]);
    assertApi("gtmOnSuccess").wasCalled();
    assertApi("gtmOnFailure").wasNotCalled();
- name: Segment identifies a visitor without a user ID with traits only, never with
    a null id (Segment adds them to its stored user until a Reset)
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, traitRows: [{ key: "plan", value: "free", type: "text" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", { plan: "free" }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Segment reset calls analytics.reset
  code: |-
    pageFunction("analytics.reset", undefined);
    runCode(tag({ sendSegment: true, action: "reset" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.reset"]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Segment queues the identify in the analytics array when analytics.js is not
    on the page yet
  code: |-
    runCode(tag({ sendSegment: true, userId: "u-1" }));
    assertThat(page.analytics).isEqualTo([["identify", "u-1", {}]]);
    assertApi("injectScript").wasNotCalled();
    assertApi("gtmOnSuccess").wasCalled();
- name: Segment loads analytics.js from its CDN with the write key when asked
  code: |-
    runCode(tag({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: "wk_123", userId: "u-1" }));
    assertThat(page["analytics._writeKey"]).isEqualTo("wk_123");
    assertThat(page.analytics).isEqualTo([["identify", "u-1", {}]]);
    assertThat(callsOf("injectScript")).isEqualTo([["injectScript", "https://cdn.segment.com/analytics.js/v1/wk_123/analytics.min.js"]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Segment fails the tag when analytics.js fails to load, and says so
  code: |-
    scripts["https://cdn.segment.com/analytics.js/v1/wk_123/analytics.min.js"] = "fail";
    runCode(tag({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: "wk_123", userId: "u-1" }));
    assertApi("gtmOnFailure").wasCalled();
    assertApi("gtmOnSuccess").wasNotCalled();
    assertThat(logs).contains("gtm-identify segment failed: queued, but Segment's script failed to load (https://cdn.segment.com/analytics.js/v1/wk_123/analytics.min.js)");
- name: Segment sends the company with employee_count and key/value tags as traits
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      company: "Acme",
      companyRows: [{ key: "employeeCount", value: "250" }],
      tagsText: "vip, brand=Audi"
    }));
    assertThat(calls).isEqualTo([
      ["callInWindow", "analytics.identify", "u-1", { company: { name: "Acme", employee_count: 250 }, brand: "Audi", tags: ["vip"] }],
      ["page", "analytics.identify", "u-1", { company: { name: "Acme", employee_count: 250 }, brand: "Audi", tags: ["vip"] }]
    ]);
- name: Segment does not load analytics.js with a write key it cannot use, and says
    why
  code: |-
    runCode(tag({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: "bad key!", userId: "u-1" }));
    assertApi("injectScript").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains('gtm-identify segment failed: cannot load analytics.js: Segment write key "bad key!" has characters not allowed');
- name: Customer.io identify calls cioanalytics.identify
  code: |-
    pageFunction("cioanalytics.identify", undefined);
    runCode(tag({ sendCustomerio: true, userId: "u-1", email: "ann@example.com" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "cioanalytics.identify", "u-1", { email: "ann@example.com" }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Customer.io uses the analytics object of older snippets when its write key
    is the configured one
  code: |-
    pageFunction("analytics.identify", undefined);
    page["analytics._writeKey"] = "cio_key";
    runCode(tag({ sendCustomerio: true, customerioGlobal: "analytics", customerioWriteKey: "cio_key", userId: "u-1" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
- name: 'Customer.io never sends through Segment on window.analytics: it fails and
    says why, and Segment still gets its identify'
  code: |-
    pageFunction("analytics.identify", undefined);
    page.analytics = {};
    page["analytics.settings.writeKey"] = "segment_key";
    runCode(tag({ sendCustomerio: true, customerioGlobal: "analytics", customerioWriteKey: "cio_key", sendSegment: true, userId: "u-1" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
    assertThat(logs).contains("gtm-identify customerio failed: window.analytics has another write key (Segment's?); nothing sent: use Customer.io's cioanalytics snippet");
    assertApi("gtmOnSuccess").wasCalled();
- name: Customer.io does not load itself onto a window.analytics that Segment holds
  code: |-
    page.analytics = [];
    page["analytics._writeKey"] = "segment_key";
    runCode(tag({ sendCustomerio: true, customerioLoadScript: true, customerioWriteKey: "cio_key", userId: "u-1" }));
    assertApi("injectScript").wasNotCalled();
    assertThat(page.analytics).isEqualTo([]);
    assertApi("gtmOnFailure").wasCalled();
- name: Customer.io with the older snippet and no write key sends nothing and asks
    for the key
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendCustomerio: true, customerioGlobal: "analytics", userId: "u-1" }));
    assertApi("callInWindow").wasNotCalled();
    assertThat(logs).contains("gtm-identify customerio failed: enter the write key: window.analytics may be Segment's; nothing sent");
- name: Customer.io loads its EU script and queues the call where that script reads
    it
  code: |-
    runCode(tag({ sendCustomerio: true, customerioLoadScript: true, customerioWriteKey: "cio_key", customerioRegion: "eu", userId: "u-1" }));
    assertThat(callsOf("injectScript")).isEqualTo([["injectScript", "https://cdp-eu.customer.io/v1/analytics-js/snippet/cio_key/analytics.min.js"]]);
    assertThat(page.analytics).isEqualTo([["identify", "u-1", {}]]);
    assertThat(page["analytics._writeKey"]).isEqualTo("cio_key");
    assertApi("gtmOnSuccess").wasCalled();
- name: Customer.io reset calls cioanalytics.reset
  code: |-
    pageFunction("cioanalytics.reset", undefined);
    runCode(tag({ sendCustomerio: true, action: "reset" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "cioanalytics.reset"]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Use email as user id sends the lower-cased email as the Customer.io user id
  code: |-
    pageFunction("cioanalytics.identify", undefined);
    runCode(tag({ sendCustomerio: true, email: "Ann@Example.com", useEmailAsUserId: true }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "cioanalytics.identify", "ann@example.com", { email: "Ann@Example.com" }]]);
- name: Gist identify sends snake_case properties, a full name and dates as Unix seconds
    in _at keys
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({
      sendGist: true,
      userId: "u-1",
      email: "ann@example.com",
      traitRows: [
        { key: "firstName", value: "Ann", type: "text" },
        { key: "lastName", value: "Lee", type: "text" },
        { key: "createdAt", value: "2024-01-15T10:00:00Z", type: "date" }
      ]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", {
      email: "ann@example.com",
      first_name: "Ann",
      last_name: "Lee",
      created_at: 1705312800,
      name: "Ann Lee"
    }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: 'Gist needs an email: without one nothing is sent to Gist and the tag fails'
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({ sendGist: true, userId: "u-1" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify gist failed: needs an email; not sent");
- name: Gist loads its widget and queues setAppId, trackPageView and the identify
    in its array
  code: |-
    runCode(tag({ sendGist: true, gistLoadScript: true, gistAppId: "app42", userId: "u-1", email: "ann@example.com" }));
    assertThat(page.gist).isEqualTo([["setAppId", "app42"], ["trackPageView"], ["identify", "u-1", { email: "ann@example.com" }]]);
    assertThat(callsOf("injectScript")).isEqualTo([["injectScript", "https://widget.getgist.com/"]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: 'Gist adds labels to the contact''s existing tags by default: one comma list
    with overwrite_tags false'
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({
      sendGist: true,
      userId: "u-1",
      email: "ann@example.com",
      tagsText: "vip",
      tagRows: [{ name: "newsletter", value: "" }, { name: "brand", value: "Audi" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", {
      email: "ann@example.com",
      brand: "Audi",
      tags: "vip,newsletter",
      overwrite_tags: false
    }]]);
- name: Gist replaces the contact's tags only when the box says so, with Gist's own
    default
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({ sendGist: true, gistOverwriteTags: true, userId: "u-1", email: "ann@example.com", tagsText: "vip" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", { email: "ann@example.com", tags: "vip" }]]);
- name: Gist identifies a lead with an email but no user ID under the empty user ID
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({ sendGist: true, email: "ann@example.com", tagsText: "brand=Audi" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "", { email: "ann@example.com", brand: "Audi" }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Gist drops property names with a dollar sign and says so
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({ sendGist: true, userId: "u-1", email: "ann@example.com", traitRows: [{ key: "$score", value: "9", type: "number" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", { email: "ann@example.com" }]]);
    assertThat(logs).contains('gtm-identify gist warning: property "$score" dropped: no "$" or empty names');
- name: Gist reset shuts the chat down
  code: |-
    page.gist = [];
    pageFunction("gist.chat", undefined);
    runCode(tag({ sendGist: true, action: "reset" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.chat", "shutdown"]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Gist reset waits for the Gist widget to load, then shuts the chat down
  code: |-
    page.gist = [];
    mock("callLater", (fn) => {
      pageFunction("gist.chat", undefined);
      fn();
    });
    runCode(tag({ sendGist: true, action: "reset" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.chat", "shutdown"]]);
    assertThat(logs).contains("gtm-identify gist sent: gist.chat('shutdown') called");
- name: Gist reset is skipped when Gist is not on the page
  code: |-
    runCode(tag({ sendGist: true, action: "reset" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnSuccess").wasCalled();
    assertThat(logs).contains("gtm-identify gist skipped: not on the page; nothing to shut down");
- name: Mutiny identify passes the user id, traits and the company with camelCase
    employeeCount and a bare domain
  code: |-
    pageFunction("mutiny.client.identify", undefined);
    runCode(tag({
      sendMutiny: true,
      userId: "u-1",
      email: "ann@example.com",
      companyRows: [{ key: "name", value: "Acme" }, { key: "domain", value: "https://www.Acme.com/about" }, { key: "employeeCount", value: "250" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "mutiny.client.identify", "u-1", {
      email: "ann@example.com",
      company: { name: "Acme", domain: "acme.com", employeeCount: 250 }
    }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Mutiny gets null as the id of an anonymous visitor
  code: |-
    pageFunction("mutiny.client.identify", undefined);
    runCode(tag({ sendMutiny: true, email: "ann@example.com" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "mutiny.client.identify", null, { email: "ann@example.com" }]]);
- name: Mutiny is skipped when its snippet is not on the page, and the tag still succeeds
  code: |-
    runCode(tag({ sendMutiny: true, userId: "u-1" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnSuccess").wasCalled();
    assertThat(logs).contains("gtm-identify mutiny skipped: not on the page (no mutiny.client.identify)");
- name: Mutiny warns when there is no email to match a CRM record
  code: |-
    pageFunction("mutiny.client.identify", undefined);
    runCode(tag({ sendMutiny: true, userId: "u-1" }));
    assertThat(logs).contains("gtm-identify mutiny warning: no email: cannot match a CRM record");
    assertApi("gtmOnSuccess").wasCalled();
- name: Mutiny has no logout call, so a reset only says so
  code: |-
    pageFunction("mutiny.client.identify", undefined);
    runCode(tag({ sendMutiny: true, action: "reset" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnSuccess").wasCalled();
    assertThat(logs).contains("gtm-identify mutiny skipped: Mutiny has no reset/logout; nothing to do");
- name: Connecto identify sends every trait as text
  code: |-
    pageFunction("_connecto.identify", undefined);
    runCode(tag({
      sendConnecto: true,
      userId: "u-1",
      email: "ann@example.com",
      traitRows: [{ key: "age", value: "42", type: "number" }, { key: "beta", value: "yes", type: "boolean" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "_connecto.identify", "u-1", { age: "42", beta: "true", email: "ann@example.com" }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: 'Connecto tags the user with each value: a label vip is sent as vip, a brand
    tag as its brand'
  code: |-
    pageFunction("_connecto.identify", undefined);
    runCode(tag({ sendConnecto: true, userId: "u-1", tagsText: "vip, brand=Audi" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "_connecto.identify", "u-1", { brand: "Audi", vip: "vip" }]]);
- name: Connecto, Gist and Antsomi spell company details the same snake_case way
  code: |-
    pageFunction("_connecto.identify", undefined);
    pageFunction("gist.identify", undefined);
    pageFunction("web_event.track", undefined);
    runCode(tag({
      sendConnecto: true,
      sendGist: true,
      sendAntsomi: true,
      antsomiCustomerIdHash: "none",
      userId: "u-1",
      email: "ann@example.com",
      companyRows: [{ key: "employeeCount", value: "12" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "gist.identify", "u-1", { email: "ann@example.com", company_employee_count: 12 }],
      ["callInWindow", "_connecto.identify", "u-1", { email: "ann@example.com", company_employee_count: "12" }],
      ["callInWindow", "web_event.track", "user", "identify", {
        items: [],
        dims: { customers: { type: "customers", customer_id: "ann@example.com", email: "ann@example.com", company_employee_count: 12 } },
        extra: { identify_id: "ann@example.com", identify_event: "identify" }
      }]
    ]);
- name: Connecto identifies an anonymous visitor with Connecto's own id
  code: |-
    pageFunction("_connecto.identify", undefined);
    pageFunction("_connecto.getIdentity", "anon-7");
    runCode(tag({ sendConnecto: true, traitRows: [{ key: "plan", value: "free", type: "text" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "_connecto.getIdentity"],
      ["callInWindow", "_connecto.identify", "anon-7", { plan: "free" }]
    ]);
- name: Connecto loads its script with the license key and identifies once Connecto
    is there
  code: |-
    scripts["https://server.connecto.io/javascripts/connect.prod.min.js"] = () => pageFunction("_connecto.identify", undefined);
    runCode(tag({ sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: "LK1", userId: "u-1" }));
    assertThat(page._TConnecto).isEqualTo({ licenseKey: "LK1" });
    assertThat(callsOf("injectScript")).isEqualTo([["injectScript", "https://server.connecto.io/javascripts/connect.prod.min.js"]]);
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "_connecto.identify", "u-1", {}]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Connecto gives up after the wait and the tag fails, once
  code: |-
    runCode(tag({ sendConnecto: true, connectoWaitMs: "1000", userId: "u-1" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertApi("gtmOnSuccess").wasNotCalled();
    assertThat(logs).contains("gtm-identify connecto failed: not on the page within 1000 ms (no pre-load queue); identify dropped");
- name: Connecto waits 5000 ms when the wait field is empty, and takes a number from
    a variable as it is
  code: |-
    runCode(tag({ sendConnecto: true, connectoWaitMs: "", userId: "u-1" }));
    assertThat(logs).contains("gtm-identify connecto failed: not on the page within 5000 ms (no pre-load queue); identify dropped");
    runCode(tag({ sendConnecto: true, connectoWaitMs: 2e3, userId: "u-2" }));
    assertThat(logs).contains("gtm-identify connecto failed: not on the page within 2000 ms (no pre-load queue); identify dropped");
- name: Connecto fails the tag when its script cannot load
  code: |-
    scripts["https://server.connecto.io/javascripts/connect.prod.min.js"] = "fail";
    runCode(tag({ sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: "LK1", userId: "u-1" }));
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify connecto failed: script failed to load (https://server.connecto.io/javascripts/connect.prod.min.js)");
- name: Antsomi sign-in tracks the user with the md5 of the lower-cased email as customer
    id
  code: |-
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendAntsomi: true, event: "sign_in", userId: "u-1", email: "Ann@Example.com" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "web_event.track", "user", "sign_in", {
      items: [],
      dims: { customers: { type: "customers", customer_id: "257c57037d384ae37ea27a07e8a01665", email: "Ann@Example.com" } },
      extra: { identify_id: "257c57037d384ae37ea27a07e8a01665", identify_event: "sign_in" }
    }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Antsomi hashes the email as given when told to, as Antsomi's guide computes
    md5(email)
  code: |-
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendAntsomi: true, antsomiCustomerIdEmail: "asGiven", email: "Ann@Example.com" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "web_event.track", "user", "identify", {
      items: [],
      dims: { customers: { type: "customers", customer_id: "2bd27504149156f0c6c917bf68c8499d", email: "Ann@Example.com" } },
      extra: { identify_id: "2bd27504149156f0c6c917bf68c8499d", identify_event: "identify" }
    }]]);
- name: Antsomi builds its own queue, sets the portal and property ids and loads insight.js
  code: |-
    runCode(tag({
      sendAntsomi: true,
      antsomiLoadScript: true,
      antsomiPortalId: "123",
      antsomiPropertyId: "456",
      email: "ann@example.com"
    }));
    assertThat(calls).isEqualTo([
      ["createArgumentsQueue", "web_event", "web_event.queue"],
      ["aliasInWindow", "web_event.track", "web_event"],
      ["setInWindow", "_portalId", "123"],
      ["setInWindow", "_propId", "456"],
      ["setInWindow", "web_event.propId", "456"],
      ["injectScript", "https://st-a.cdp.asia/insight.js"]
    ]);
    assertThat(page["web_event.queue"]).isEqualTo([["user", "identify", {
      items: [],
      dims: { customers: { type: "customers", customer_id: "257c57037d384ae37ea27a07e8a01665", email: "ann@example.com" } },
      extra: { identify_id: "257c57037d384ae37ea27a07e8a01665", identify_event: "identify" }
    }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Antsomi is not sent without an email for the customer id, and the tag fails
  code: |-
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendAntsomi: true, userId: "u-1" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify antsomi failed: no customer id: needs an email for the customer id; not sent");
- name: Antsomi drops attribute codes outside a-z, 0-9 and _ and says so
  code: |-
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendAntsomi: true, email: "ann@example.com", traitRows: [{ key: "plan tier", value: "gold", type: "text" }, { key: "loyaltyLevel", value: "3", type: "number" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "web_event.track", "user", "identify", {
      items: [],
      dims: { customers: { type: "customers", customer_id: "257c57037d384ae37ea27a07e8a01665", loyalty_level: 3, email: "ann@example.com" } },
      extra: { identify_id: "257c57037d384ae37ea27a07e8a01665", identify_event: "identify" }
    }]]);
    assertThat(logs).contains('gtm-identify antsomi warning: attribute "plan tier" dropped: only a-z, 0-9, _ allowed');
- name: Antsomi reset sends sign_out and resets the anonymous id
  code: |-
    pageFunction("web_event.track", undefined);
    pageFunction("web_event.resetAnonymousUId", undefined);
    runCode(tag({ sendAntsomi: true, action: "reset" }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "web_event.track", "user", "sign_out"],
      ["callInWindow", "web_event.resetAnonymousUId"]
    ]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Antsomi's developer-guide format sends user_sign_up with Antsomi's lead time
  code: |-
    pageFunction("web_event.track", undefined);
    pageFunction("_cdpEventFunction._cdpGetLeadTime", "2024-05-01 10:00:00");
    runCode(tag({ sendAntsomi: true, antsomiVocabulary: "devguide", event: "sign_up", email: "ann@example.com" }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "_cdpEventFunction._cdpGetLeadTime"],
      ["callInWindow", "web_event.track", "user", "sign_up", {
        dims: { customers: { customer_id: "257c57037d384ae37ea27a07e8a01665", email: "ann@example.com" } },
        extra: {
          identify_id: "257c57037d384ae37ea27a07e8a01665",
          identify_time: "2024-05-01 10:00:00",
          identify_event: "user_sign_up",
          identify_type: "exact"
        }
      }]
    ]);
- name: SHA-256 hashing sends the hex digest of the user id
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", userIdHash: "sha256" }));
    assertThat(callsOf("sha256")).isEqualTo([["sha256", "u-1", { outputEncoding: "hex" }]]);
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", SHA256["u-1"], {}]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: SHA-256 hashing of an email used as user id hashes the lower-cased email
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, email: "ann@example.com", useEmailAsUserId: true, userIdHash: "sha256" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", SHA256["ann@example.com"], { email: "ann@example.com" }]]);
- name: A user id that already is a SHA-256 hash is sent unchanged
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: SHA256["u-1"], userIdHash: "sha256" }));
    assertApi("sha256").wasNotCalled();
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", SHA256["u-1"], {}]]);
    assertThat(logs).contains("gtm-identify info: user id already is a sha256 hash; sent as is");
- name: MD5 hashing sends the md5 hex digest of the user id, computed in the template
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", userIdHash: "md5" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "a6048cbdca02ecd493761171122c6735", {}]]);
- name: A failing SHA-256 fails the tag instead of sending the clear id
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "not-in-the-digest-list", userIdHash: "sha256" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify error: SHA-256 hashing failed");
- name: The traits table wins over the traits object
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      traitsObject: { plan: "free", country: "DE" },
      traitRows: [{ key: "plan", value: "pro", type: "text" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { plan: "pro", country: "DE" }]]);
- name: Reserved traits written in snake_case are sent in camelCase
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitRows: [{ key: "first_name", value: "Ann", type: "text" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { firstName: "Ann" }]]);
- name: A date trait becomes ISO-8601 for analytics.js
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitRows: [{ key: "trialEnds", value: "1705312800", type: "date" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { trialEnds: "2024-01-15T10:00:00.000Z" }]]);
- name: One tag fans out to several tools, and one tool's failure does not stop the
    others
  code: |-
    pageFunction("analytics.identify", undefined);
    pageFunction("gist.identify", undefined);
    pageFunction("mutiny.client.identify", undefined);
    runCode(tag({ sendSegment: true, sendGist: true, sendMutiny: true, userId: "u-1" }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "analytics.identify", "u-1", {}],
      ["callInWindow", "mutiny.client.identify", "u-1", {}]
    ]);
    assertApi("gtmOnSuccess").wasCalled();
    assertApi("gtmOnFailure").wasNotCalled();
    assertThat(logs).contains("gtm-identify gist failed: needs an email; not sent");
- name: Gist and Antsomi skip an anonymous visitor with a debug message while the
    others are sent
  code: |-
    pageFunction("analytics.identify", undefined);
    pageFunction("gist.identify", undefined);
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendSegment: true, sendGist: true, sendAntsomi: true, traitRows: [{ key: "brand", value: "Audi", type: "text" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", { brand: "Audi" }]]);
    assertApi("gtmOnSuccess").wasCalled();
    assertThat(logs).contains("gtm-identify gist skipped: anonymous visitor: needs an email; not sent");
    assertThat(logs).contains("gtm-identify antsomi skipped: anonymous visitor: needs an email for the customer id; not sent");
- name: A Get Dealer Details click tags the visitor with the brand from oemname
  code: |-
    pageFunction("analytics.identify", undefined);
    dataLayer.oemname = "Audi";
    runCode(tag({ sendSegment: true, keyMapping: [{ from: "oemname", as: "tag", to: "brand", type: "text" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", { brand: "Audi" }]]);
    assertApi("copyFromDataLayer").wasCalledWith("oemname");
    assertApi("gtmOnSuccess").wasCalled();
- name: A sign-in event gives the user id and email from dotted data layer keys
  code: |-
    pageFunction("analytics.identify", undefined);
    dataLayer["user.id"] = "u-9";
    dataLayer["user.email"] = "zoe@example.com";
    runCode(tag({
      sendSegment: true,
      event: "sign_in",
      keyMapping: [{ from: "user.id", as: "userId", to: "", type: "text" }, { from: "user.email", as: "email", to: "", type: "text" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-9", { email: "zoe@example.com" }]]);
- name: A data layer trait is typed, and named after the key when no name is given
  code: |-
    pageFunction("analytics.identify", undefined);
    dataLayer.visits = "12";
    runCode(tag({ sendSegment: true, userId: "u-1", keyMapping: [{ from: "visits", as: "trait", to: "", type: "number" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { visits: 12 }]]);
- name: The User ID field wins over a user id from the data layer, and table traits
    over mapped ones
  code: |-
    pageFunction("analytics.identify", undefined);
    dataLayer.uid = "from-data-layer";
    dataLayer.plan = "free";
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      traitRows: [{ key: "plan", value: "pro", type: "text" }],
      keyMapping: [{ from: "uid", as: "userId", to: "", type: "text" }, { from: "plan", as: "trait", to: "plan", type: "text" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { plan: "pro" }]]);
- name: A data layer key that is not there adds nothing
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", keyMapping: [{ from: "oemname", as: "tag", to: "brand", type: "text" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
- name: Without the required consent and set to drop, nothing is sent and preview
    mode says so
  code: |-
    pageFunction("analytics.identify", undefined);
    consentState.analytics_storage = false;
    runCode(tag({ sendSegment: true, userId: "u-1", consentRequired: true }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("isConsentGranted").wasCalledWith("analytics_storage");
    assertApi("gtmOnSuccess").wasCalled();
    assertThat(logs).contains("gtm-identify info: consent analytics_storage denied; nothing sent");
- name: Set to wait, the identify is sent once consent is granted, and never twice
  code: |-
    pageFunction("analytics.identify", undefined);
    consentState.ad_storage = false;
    runCode(tag({ sendSegment: true, userId: "u-1", consentRequired: true, consentType: "ad_storage", consentWhenDenied: "wait" }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnSuccess").wasCalled();
    grant("ad_storage");
    grant("ad_storage");
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
- name: With the required consent granted the identify is sent at once
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", consentRequired: true }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
    assertApi("addConsentListener").wasNotCalled();
- name: Without a consent requirement consent is not checked
  code: |-
    pageFunction("analytics.identify", undefined);
    consentState.analytics_storage = false;
    runCode(tag({ sendSegment: true, userId: "u-1" }));
    assertApi("isConsentGranted").wasNotCalled();
    assertThat(callsOf("callInWindow")).hasLength(1);
- name: Skip if unchanged does not send the same identify twice
  code: |-
    pageFunction("analytics.identify", undefined);
    const data = tag({ sendSegment: true, userId: "u-1", traitRows: [{ key: "plan", value: "pro", type: "text" }], dedupe: true });
    runCode(data);
    runCode(data);
    assertThat(callsOf("callInWindow")).hasLength(1);
    assertThat(logs).contains("gtm-identify segment skipped: unchanged since the last identify; not sent again");
- name: Skip if unchanged sends again when a trait changed
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitRows: [{ key: "plan", value: "pro", type: "text" }], dedupe: true }));
    runCode(tag({ sendSegment: true, userId: "u-1", traitRows: [{ key: "plan", value: "team", type: "text" }], dedupe: true }));
    assertThat(callsOf("callInWindow")).hasLength(2);
- name: Skip if unchanged keeps only a fingerprint in localStorage, and a reset clears
    it
  code: |-
    pageFunction("analytics.identify", undefined);
    pageFunction("analytics.reset", undefined);
    const data = tag({ sendSegment: true, userId: "u-1", dedupe: true });
    runCode(data);
    assertThat(stored.gtm_identify_last).isString();
    assertThat(stored.gtm_identify_last).doesNotContain("u-1");
    runCode(tag({ sendSegment: true, action: "reset" }));
    runCode(data);
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "analytics.identify", "u-1", {}],
      ["callInWindow", "analytics.reset"],
      ["callInWindow", "analytics.identify", "u-1", {}]
    ]);
- name: Without skip if unchanged every identify is sent
  code: |-
    pageFunction("analytics.identify", undefined);
    const data = tag({ sendSegment: true, userId: "u-1" });
    runCode(data);
    runCode(data);
    assertThat(callsOf("callInWindow")).hasLength(2);
    assertApi("gtmOnSuccess").wasCalled();
- name: A user id over 255 characters fails the tag and says why
  code: |-
    pageFunction("analytics.identify", undefined);
    let longId = "";
    for (let i = 0; i < 26; i++) longId = longId + "0123456789";
    runCode(tag({ sendSegment: true, userId: longId }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify error: user id is 260 characters; at most 255 allowed");
- name: A traits variable that is not an object is reported and ignored
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitsObject: "plan=pro" }));
    assertThat(logs).contains("gtm-identify warning: traits must be an object, not a string; ignored");
    assertApi("gtmOnSuccess").wasCalled();
- name: A tag with no tool ticked fails and says so
  code: |-
    runCode(tag({ userId: "u-1" }));
    assertApi("gtmOnFailure").wasCalled();
    assertApi("gtmOnSuccess").wasNotCalled();
    assertThat(logs).contains("gtm-identify error: no destination to send to");
- name: An identify with nothing to send fails and says so
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true }));
    assertApi("callInWindow").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify error: nothing to identify: no user id, email, traits, tags or company");
- name: An invalid email is dropped with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", email: "not-an-email" }));
    assertThat(logs).contains('gtm-identify warning: email "not-an-email" is not a valid address; dropped');
    assertApi("gtmOnSuccess").wasCalled();
- name: A Number trait whose value is not a number is dropped and reported
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitRows: [{ key: "age", value: "forty", type: "number" }] }));
    assertThat(logs).contains('gtm-identify warning: traits row 1 (age): "forty" is not a number; dropped');
- name: Messages are not logged outside preview and debug mode
  code: |-
    mock("getContainerVersion", () => ({
      containerId: "GTM-TEST",
      version: "7",
      environmentName: "",
      environmentMode: false,
      debugMode: false,
      previewMode: false
    }));
    runCode(tag({ userId: "u-1" }));
    assertApi("logToConsole").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
- name: Gist refuses a user id of 255 characters or more and says why
  code: |-
    pageFunction("gist.identify", undefined);
    let id = "";
    for (let i = 0; i < 25; i++) id = id + "0123456789";
    runCode(tag({ sendGist: true, userId: id + "12345", email: "ann@example.com" }));
    assertApi("callInWindow").wasNotCalled();
    assertThat(logs).contains("gtm-identify gist failed: user id over 254 characters (255); not sent");
- name: A user id that is neither text nor a number fails the tag and says why
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: { id: 1 } }));
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify error: user id must be text or a number, not object");
- name: An email trait that is not text is dropped with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitsObject: { email: 42, plan: "pro" } }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { plan: "pro" }]]);
    assertThat(logs).contains("gtm-identify warning: email must be text, not 42; dropped");
- name: With "use email as user id" on, a given user id still wins, and preview mode
    says so
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, useEmailAsUserId: true, userId: "u-1", email: "ann@example.com" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { email: "ann@example.com" }]]);
    assertThat(logs).contains('gtm-identify warning: "use email as user id": a user id is given and used');
- name: An unknown hash method sends the user id unhashed and says so
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", userIdHash: "sha1" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
    assertThat(logs).contains('gtm-identify warning: hash method "sha1" is not none, sha256 or md5; none is used');
- name: A data layer path can reach into a list, and a mapping row without a key is
    skipped with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", keyMapping: [{ from: "", to: "brand" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {}]]);
    assertThat(logs).contains("gtm-identify warning: key mapping row 1 has no source key; ignored");
- name: A traits variable keeps lists and nested objects for Segment, and drops what
    cannot be sent, saying why
  code: |-
    pageFunction("analytics.identify", undefined);
    let deep = { end: "too deep" };
    let kept = {};
    let where = "traits.deep";
    for (let i = 0; i < 10; i++) {
      deep = { more: deep };
      if (i < 8) kept = { more: kept };
      if (i < 9) where = where + ".more";
    }
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      traitsObject: { interests: ["ski", " ", "golf"], score: 0 / 0, deep: deep, greet: () => "hi" }
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { interests: ["ski", "golf"], deep: kept }]]);
    assertThat(logs).contains("gtm-identify warning: " + where + " is nested more than 10 levels deep; dropped");
    assertThat(logs).contains("gtm-identify warning: traits.score is not a finite number; dropped");
    assertThat(logs).contains("gtm-identify warning: traits.greet is a function; dropped");
    assertApi("gtmOnSuccess").wasCalled();
- name: A trait given both in camelCase and snake_case is sent once, in camelCase,
    and preview mode says so
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitsObject: { first_name: "Annie", firstName: "Ann" } }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { firstName: "Ann" }]]);
    assertThat(logs).contains("gtm-identify warning: traits has both first_name and firstName; firstName is used");
- name: Yes/no words become true or false in a Boolean trait row, and other words
    are dropped with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      traitRows: [
        { key: "newsletter", value: "No", type: "boolean" },
        { key: "beta", value: "yes", type: "boolean" },
        { key: "trial", value: "maybe", type: "boolean" }
      ]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { newsletter: false, beta: true }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Trait rows without a name, or that are not rows, are skipped with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitRows: ["plan=pro", { key: "", value: "gold" }, { key: "plan", value: "pro" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { plan: "pro" }]]);
    assertThat(logs).contains("gtm-identify warning: traits row 1 is not a row; ignored");
    assertThat(logs).contains("gtm-identify warning: traits row 2 has a value but no name; ignored");
- name: A created date from a traits variable is sent as ISO-8601, an age as a number,
    and a date that is not one as given
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", traitsObject: { createdAt: "2024-02-29", age: "42", birthday: "someday" } }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", {
      createdAt: "2024-02-29T00:00:00.000Z",
      age: 42,
      birthday: "someday"
    }]]);
    assertThat(logs).contains('gtm-identify warning: birthday: "someday" is not a date; sent as given');
- name: 'A tags variable holding an object sends each key as a tag: true ones and
    unreadable values as labels, false ones not at all'
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", tagsText: { brand: "Audi", vip: true, churned: false, size: 3, meta: { a: 1 } } }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { brand: "Audi", size: "3", tags: ["vip", "meta"] }]]);
    assertThat(logs).contains('gtm-identify warning: tag "meta" has a object value; sent as a label');
- name: Tags that cannot be used are dropped and each is named in preview mode
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      tagsText: "vip, =gold",
      tagRows: [{ name: "a,b", value: "x" }, { name: "__proto__", value: "x" }, { name: "brand", value: "Audi" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { brand: "Audi", tags: ["vip"] }]]);
    assertThat(logs).contains('gtm-identify warning: tag "=gold" has no name; dropped');
    assertThat(logs).contains('gtm-identify warning: tag "a,b" dropped: no commas in names');
    assertThat(logs).contains('gtm-identify warning: tag "__proto__" dropped: a reserved key');
- name: A tags variable that is true or false is ignored with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", tagsText: true, traitRows: [{ key: "plan", value: "pro" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { plan: "pro" }]]);
    assertThat(logs).contains("gtm-identify warning: tags must be text, a list or an object, not a boolean; ignored");
- name: A company given as text is sent as the company name
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", company: "Acme" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { company: { name: "Acme" } }]]);
    assertThat(logs).contains("gtm-identify info: company is text; used as the company name");
- name: A company that is neither text nor an object is ignored with a message
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({ sendSegment: true, userId: "u-1", company: true, traitRows: [{ key: "plan", value: "pro" }] }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { plan: "pro" }]]);
    assertThat(logs).contains("gtm-identify warning: company must be an object, not a boolean; ignored");
- name: The Company details table adds to a company object from a variable
  code: |-
    pageFunction("analytics.identify", undefined);
    runCode(tag({
      sendSegment: true,
      userId: "u-1",
      company: { name: "Acme", id: { x: 1 } },
      companyRows: [{ key: "plan", value: "enterprise" }]
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "analytics.identify", "u-1", { company: { name: "Acme", plan: "enterprise" } }]]);
    assertThat(logs).contains("gtm-identify warning: company.id must be text or a number; dropped");
- name: Gist and Antsomi get the company details as company_ properties
  code: |-
    pageFunction("gist.identify", undefined);
    pageFunction("web_event.track", undefined);
    runCode(tag({
      sendGist: true,
      sendAntsomi: true,
      userId: "u-1",
      email: "ann@example.com",
      company: { name: "Acme", domain: "acme.com" }
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([
      ["callInWindow", "gist.identify", "u-1", { email: "ann@example.com", company_name: "Acme", company_domain: "acme.com" }],
      ["callInWindow", "web_event.track", "user", "identify", {
        items: [],
        dims: { customers: {
          type: "customers",
          customer_id: "257c57037d384ae37ea27a07e8a01665",
          email: "ann@example.com",
          company_name: "Acme",
          company_domain: "acme.com"
        } },
        extra: { identify_id: "257c57037d384ae37ea27a07e8a01665", identify_event: "identify" }
      }]
    ]);
- name: Gist gets an object trait flattened one level and lists joined with commas;
    deeper values are dropped with a message
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({
      sendGist: true,
      userId: "u-1",
      email: "ann@example.com",
      traitsObject: { home: { city: "Paris", geo: { lat: 1 } }, interests: ["ski", "golf"], orders: [{ id: 1 }] }
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", {
      email: "ann@example.com",
      home_city: "Paris",
      interests: "ski,golf"
    }]]);
    assertThat(logs).contains("gtm-identify gist warning: home.geo is nested over one level deep; dropped");
    assertThat(logs).contains("gtm-identify gist warning: orders is a list of objects or lists; dropped");
- name: Gist gets dates in _at keys as Unix seconds, long text cut to 255 characters,
    and never a trait named like its own properties
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({
      sendGist: true,
      userId: "u-1",
      email: "ann@example.com",
      tagsText: "tags=x",
      traitsObject: { last_seen_at: "2024-01-15T10:00:00Z", trial_at: "soon", bio: letters(300, "b") }
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", {
      email: "ann@example.com",
      last_seen_at: 1705312800,
      trial_at: "soon",
      bio: letters(255, "b")
    }]]);
    assertThat(logs).contains('gtm-identify gist warning: property "bio" truncated to 255 characters');
    assertThat(logs).contains('gtm-identify gist info: property "last_seen_at" sent as unix seconds (1705312800)');
    assertThat(logs).contains('gtm-identify gist warning: property "trial_at" ends in _at (a date), but "soon" is not a date; sent as given');
    assertThat(logs).contains('gtm-identify gist warning: "tags" not sent: "tags" comes from the email and tags');
- name: Gist labels beyond 255 characters in all are left out whole and named in preview
    mode
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({ sendGist: true, userId: "u-1", email: "ann@example.com", tagsText: letters(100, "a") + "," + letters(100, "b") + "," + letters(100, "c") }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", {
      email: "ann@example.com",
      tags: letters(100, "a") + "," + letters(100, "b"),
      overwrite_tags: false
    }]]);
    assertThat(logs).contains("gtm-identify gist warning: tags over 255 characters in all; not sent: " + letters(100, "c"));
- name: Gist does not send a key/value tag whose name a trait already uses, and says
    so
  code: |-
    pageFunction("gist.identify", undefined);
    runCode(tag({ sendGist: true, userId: "u-1", email: "ann@example.com", traitRows: [{ key: "plan", value: "pro" }], tagsText: "plan=gold" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "gist.identify", "u-1", { email: "ann@example.com", plan: "pro" }]]);
    assertThat(logs).contains('gtm-identify gist warning: tag plan not sent: "plan" is already set');
- name: Without its widget on the page and without loading it, the Gist identify waits
    in window.gist
  code: |-
    runCode(tag({ sendGist: true, userId: "u-1", email: "ann@example.com" }));
    assertThat(page.gist).isEqualTo([["identify", "u-1", { email: "ann@example.com" }]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: When window.gist holds something that is not Gist, nothing is sent to Gist
    and the tag fails
  code: |-
    page.gist = "gist";
    runCode(tag({ sendGist: true, userId: "u-1", email: "ann@example.com" }));
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify gist failed: window.gist is a string, not Gist's SDK; nothing sent");
- name: Antsomi can take the customer id from the phone trait or the user id instead
    of the email
  code: |-
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendAntsomi: true, antsomiCustomerIdFrom: "phone", antsomiCustomerIdHash: "none", traitRows: [{ key: "phone", value: "+33 6 12" }] }));
    runCode(tag({ sendAntsomi: true, antsomiCustomerIdFrom: "userId", antsomiCustomerIdHash: "none", userId: "u-1" }));
    const ids = callsOf("callInWindow").map((call) => call[4].extra.identify_id);
    assertThat(ids).isEqualTo(["+33 6 12", "u-1"]);
- name: Antsomi gets dates as "YYYY-MM-DD hh:mm:ss", a birthday as date_of_birth,
    lists joined with commas and labels as tags
  code: |-
    pageFunction("web_event.track", undefined);
    runCode(tag({
      sendAntsomi: true,
      email: "ann@example.com",
      tagsText: "vip, brand=Audi, email=x",
      traitRows: [{ key: "createdAt", value: "2024-02-29T13:45:10Z", type: "date" }, { key: "birthday", value: "1990-07-04", type: "date" }],
      traitsObject: { interests: ["ski", "golf"] }
    }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "web_event.track", "user", "identify", {
      items: [],
      dims: { customers: {
        type: "customers",
        customer_id: "257c57037d384ae37ea27a07e8a01665",
        interests: "ski,golf",
        created_at: "2024-02-29 13:45:10",
        date_of_birth: "1990-07-04",
        email: "ann@example.com",
        brand: "Audi",
        tags: "vip"
      } },
      extra: { identify_id: "257c57037d384ae37ea27a07e8a01665", identify_event: "identify" }
    }]]);
    assertThat(logs).contains('gtm-identify antsomi warning: tag email not sent: "email" is already set');
- name: Without its SDK and without loading it, the Antsomi call waits in web_event.queue,
    and ids that are not numeric are reported
  code: |-
    runCode(tag({ sendAntsomi: true, email: "ann@example.com", antsomiPortalId: "abc", antsomiPropertyId: "456" }));
    assertThat(callsOf("setInWindow")).isEqualTo([]);
    assertThat(page["web_event.queue"]).isEqualTo([["user", "identify", {
      items: [],
      dims: { customers: { type: "customers", customer_id: "257c57037d384ae37ea27a07e8a01665", email: "ann@example.com" } },
      extra: { identify_id: "257c57037d384ae37ea27a07e8a01665", identify_event: "identify" }
    }]]);
    assertThat(logs).contains('gtm-identify antsomi warning: portal id "abc" is not numeric; _portalId and _propId not set');
    assertApi("gtmOnSuccess").wasCalled();
- name: Antsomi does not load its script without numeric portal and property ids,
    and the tag fails
  code: |-
    runCode(tag({ sendAntsomi: true, antsomiLoadScript: true, email: "ann@example.com", antsomiPortalId: "abc", antsomiPropertyId: "456" }));
    assertApi("injectScript").wasNotCalled();
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify antsomi failed: cannot load: portal id and property id must be numeric");
- name: When window.web_event is not Antsomi's SDK, nothing is sent to Antsomi and
    the tag fails
  code: |-
    page.web_event = "x";
    runCode(tag({ sendAntsomi: true, email: "ann@example.com" }));
    assertApi("gtmOnFailure").wasCalled();
    assertThat(logs).contains("gtm-identify antsomi failed: window.web_event is a string, not Antsomi's SDK; nothing sent");
- name: Antsomi reset is skipped without the SDK, and keeps the anonymous id when
    the SDK cannot reset it yet
  code: |-
    runCode(tag({ sendAntsomi: true, action: "reset" }));
    assertThat(logs).contains("gtm-identify antsomi skipped: not on the page; nothing to reset");
    pageFunction("web_event.track", undefined);
    runCode(tag({ sendAntsomi: true, action: "reset" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "web_event.track", "user", "sign_out"]]);
    assertApi("gtmOnSuccess").wasCalled();
- name: Connecto gets a key/value tag over a trait of the same name, and preview mode
    says so
  code: |-
    pageFunction("_connecto.identify", undefined);
    runCode(tag({ sendConnecto: true, userId: "u-1", traitRows: [{ key: "plan", value: "pro" }], tagsText: "plan=gold" }));
    assertThat(callsOf("callInWindow")).isEqualTo([["callInWindow", "_connecto.identify", "u-1", { plan: "gold" }]]);
    assertThat(logs).contains('gtm-identify connecto warning: "plan" is given twice; the last is used');
- name: Connecto keeps the license key the page already configured
  code: |-
    page._TConnecto = { licenseKey: "page-key" };
    runCode(tag({ sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: "tag-key", userId: "u-1" }));
    assertThat(logs).contains("gtm-identify connecto info: page already sets _TConnecto; its license key is used");
- name: Connecto has no logout call, so a reset only says so
  code: |-
    runCode(tag({ sendConnecto: true, action: "reset" }));
    assertThat(logs).contains("gtm-identify connecto skipped: Connecto has no reset/logout; nothing to do");
    assertApi("gtmOnSuccess").wasCalled();
setup: |-
  const getType = require('getType');
  const page = {};
  const calls = [];
  const logs = [];
  const stored = {};
  const scripts = {};
  const dataLayer = {};
  const consentState = {};
  const consentListeners = [];
  const clock = { now: 17e11 };
  const SHA256 = {
    "u-1": "a24a7f55f278dd49fb1f99c5507800cb198a5bfe10fe2126cd0b25672152b0da",
    "ann@example.com": "71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476"
  };
  function record(entry) {
    while (entry.length > 0 && entry[entry.length - 1] === undefined) entry.pop();
    calls.push(entry);
  }
  function callsOf(api) {
    return calls.filter((entry) => entry[0] === api);
  }
  function letters(count, letter) {
    let out = "";
    for (let i = 0; i < count; i++) out = out + letter;
    return out;
  }
  function grant(type) {
    consentState[type] = true;
    consentListeners.forEach((entry) => {
      if (entry.type === type) entry.listener(type, true);
    });
  }
  function tag(fields) {
    const out = {
      action: "identify",
      event: "identify",
      userIdHash: "none",
      useEmailAsUserId: false,
      sendSegment: false,
      segmentLoadScript: false,
      sendCustomerio: false,
      customerioGlobal: "cioanalytics",
      customerioLoadScript: false,
      customerioRegion: "us",
      sendGist: false,
      gistLoadScript: false,
      gistOverwriteTags: false,
      gistWaitMs: "5000",
      sendMutiny: false,
      sendConnecto: false,
      connectoLoadScript: false,
      connectoWaitMs: "5000",
      sendAntsomi: false,
      antsomiLoadScript: false,
      antsomiCustomerIdFrom: "email",
      antsomiCustomerIdHash: "md5",
      antsomiCustomerIdEmail: "lowercase",
      antsomiVocabulary: "template",
      consentRequired: false,
      consentType: "analytics_storage",
      consentWhenDenied: "drop",
      dedupe: false
    };
    for (let name in fields) out[name] = fields[name];
    return out;
  }
  function pageFunction(path, answer) {
    page[path] = function(a, b, c) {
      record(["page", path, a, b, c]);
      return answer;
    };
  }
  mock("getContainerVersion", () => ({
    containerId: "GTM-TEST",
    version: "QUICK_PREVIEW",
    environmentName: "",
    environmentMode: false,
    debugMode: true,
    previewMode: true
  }));
  mock("logToConsole", (line) => {
    logs.push(line);
  });
  mock("copyFromWindow", (path) => page[path]);
  mock("callInWindow", (path, a, b, c, d) => {
    record(["callInWindow", path, a, b, c, d]);
    const fn = page[path];
    return getType(fn) === "function" ? fn(a, b, c, d) : undefined;
  });
  mock("setInWindow", (path, value, override) => {
    record(["setInWindow", path, value]);
    if (page[path] !== undefined && override !== true) return false;
    page[path] = value;
    return true;
  });
  mock("createQueue", (path) => {
    record(["createQueue", path]);
    if (getType(page[path]) !== "array") page[path] = [];
    const queue = page[path];
    return (item) => {
      queue.push(item);
    };
  });
  mock("createArgumentsQueue", (fnPath, arrayPath) => {
    record(["createArgumentsQueue", fnPath, arrayPath]);
    if (getType(page[arrayPath]) !== "array") page[arrayPath] = [];
    const queue = page[arrayPath];
    page[fnPath] = (a, b, c) => {
      queue.push([a, b, c]);
    };
    return page[fnPath];
  });
  mock("aliasInWindow", (toPath, fromPath) => {
    record(["aliasInWindow", toPath, fromPath]);
    page[toPath] = page[fromPath];
    return true;
  });
  mock("injectScript", (url, onSuccess, onFailure) => {
    record(["injectScript", url]);
    const behaviour = scripts[url];
    if (behaviour === "fail") return onFailure();
    if (getType(behaviour) === "function") behaviour();
    onSuccess();
  });
  mock("callLater", (fn) => fn());
  mock("getTimestampMillis", () => {
    clock.now = clock.now + 100;
    return clock.now;
  });
  mock("sha256", (input, onSuccess, onFailure, options) => {
    record(["sha256", input, options]);
    if (SHA256[input] === undefined) return onFailure();
    onSuccess(SHA256[input]);
  });
  mock("copyFromDataLayer", (key) => dataLayer[key]);
  mock("isConsentGranted", (type) => consentState[type] !== false);
  mock("addConsentListener", (consentType, onChange) => {
    consentListeners.push({ type: consentType, listener: onChange });
  });
  mockObject("localStorage", {
    getItem: (key) => getType(stored[key]) === "string" ? stored[key] : null,
    setItem: (key, value) => {
      stored[key] = value;
      return true;
    },
    removeItem: (key) => {
      stored[key] = null;
    }
  });


___NOTES___

gtm-identify: one tag that tells Segment, Customer.io Data Pipelines, Gist, Mutiny, Connecto and Antsomi CDP365 who the
visitor is (Identify) or that the visitor logged out (Reset).

Each ticked tool gets its own call, built from the same fields: analytics.identify(userId, traits) (traits only for
visitors who are not logged in), cioanalytics.identify(...), gist.identify(userId, properties),
mutiny.client.identify(userId or null, traits), _connecto.identify(id, tags) and
web_event.track('user', 'sign_in' | 'sign_up' | 'identify', {dims: {customers}, extra}).
A problem with one tool is reported and never stops the others. The tag fails (gtmOnFailure) only when every ticked tool
failed; a tool skipped on purpose (unchanged, consent dropped, Mutiny not on the page) counts as done.

Values come from the fields, from a traits object variable, and from the data layer (Data layer keys). The fields win
over the data layer, the traits table over the traits object.

Calls made before a tool has loaded wait in its own queue (analytics.js, Gist and Antsomi), or, for Connecto, which has
none, the tag waits a bounded time for it. Scripts are only ever loaded from each vendor's own host.

Messages (dropped traits, missing email, consent, blocked tools) are written to the browser console in GTM Preview mode only.

Source, tests and documentation: the gtm-identify repository (docs/template.md).


