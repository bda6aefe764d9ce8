/**
 * A `POST /v1/moderations` response body in OpenAI's documented wire format (omni-moderation-latest), for
 * a text that is flagged for violence.
 */
export const openAIModerationResponse = {
  id: 'modr-0d9740456c391e43c445bf0f010940c7',
  model: 'omni-moderation-latest',
  results: [
    {
      flagged: true,
      categories: {
        harassment: false,
        'harassment/threatening': true,
        hate: false,
        'hate/threatening': false,
        illicit: false,
        'illicit/violent': false,
        'self-harm': false,
        'self-harm/instructions': false,
        'self-harm/intent': false,
        sexual: false,
        'sexual/minors': false,
        violence: true,
        'violence/graphic': false,
      },
      category_scores: {
        harassment: 0.2963,
        'harassment/threatening': 0.6112,
        hate: 0.0016,
        'hate/threatening': 0.0009,
        illicit: 0.0061,
        'illicit/violent': 0.0044,
        'self-harm': 0.0001,
        'self-harm/instructions': 0.00002,
        'self-harm/intent': 0.00004,
        sexual: 0.00006,
        'sexual/minors': 0.00001,
        violence: 0.9345,
        'violence/graphic': 0.0102,
      },
      category_applied_input_types: { violence: ['text'], 'harassment/threatening': ['text'] },
    },
  ],
};
