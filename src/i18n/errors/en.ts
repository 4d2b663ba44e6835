/**
 * English error messages: the reference. A key is an error code, or `code.variant` where one code is raised
 * with more than one message. `{name}` is a placeholder the raising code fills (see `appError`); every other
 * language has exactly these keys with the same placeholders (test/unit/error-messages.test.ts).
 * The texts say what happened and what to do; README's Troubleshooting table quotes some of them.
 */
export const errorsEn = {
  shutting_down: 'The sidecar is shutting down: send again once it is back (running jobs resume when it starts again).',
  cancelled: 'Cancelled.',
  mask_required: 'A mask is needed: paint over the part of the image to change.',
  mask_empty: 'The mask is empty: paint over the part of the image to change, then send again.',
  mask_full: 'The mask covers the whole image, so there is nothing to fill it from: leave part of the image unpainted.',
  crop_too_small: 'The crop is smaller than 16x16 pixels: select a larger area.',
  flux_key_missing:
    'No FLUX API key: set FLUX_API_KEY in the valves of the FLUX Inpaint function (Admin > Functions), or start the sidecar with it.',
  flux_forbidden: 'FLUX refused the API key ({status}): check FLUX_API_KEY, or create a key at {dashboard}',
  flux_out_of_credits: 'FLUX account is out of credits (402): top up at {dashboard} and send again.',
  flux_bad_request: 'FLUX rejected the request (400){detail}. Check the prompt and the parameters.',
  flux_validation: 'FLUX rejected the parameters (422){detail}.',
  'flux_validation.fields': 'FLUX refused {fields} (422): change it and send again.',
  'invalid_request.outpaint_cuts':
    'Offline, Outpaint can only add canvas around the whole picture: drag the frame so that it holds all of it, or use FLUX.',
  'invalid_request.outpaint_empty': 'Outpaint needs a frame larger than the picture: drag its edges outwards.',
  'flux_rate_limited.retrying':
    'FLUX has too many active tasks for this API key (429); trying again in about {seconds} s.',
  flux_server_error: 'FLUX had a server error ({status}). Try again in a minute.',
  flux_http_error: 'FLUX answered HTTP {status}{detail}.',
  flux_timeout:
    'FLUX did not finish within {seconds} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Raise them, or send again later.',
  flux_request_moderated:
    'FLUX refused the input image or prompt (Request Moderated). Change the prompt or the image, or raise SAFETY_TOLERANCE (0 strictest). Whether it was charged is not documented: see {dashboard}.',
  'flux_request_moderated.reasons':
    'FLUX refused the input image or prompt (Request Moderated) (reasons given: {reasons}). Change the prompt or the image, or raise SAFETY_TOLERANCE (0 strictest). Whether it was charged is not documented: see {dashboard}.',
  flux_content_moderated:
    'FLUX generated an image but withheld it (Content Moderated). Try a different prompt, or raise SAFETY_TOLERANCE (0 strictest). Whether it was charged is not documented: see {dashboard}.',
  'flux_content_moderated.reasons':
    'FLUX generated an image but withheld it (Content Moderated) (reasons given: {reasons}). Try a different prompt, or raise SAFETY_TOLERANCE (0 strictest). Whether it was charged is not documented: see {dashboard}.',
  flux_task_error: 'FLUX failed to generate the image ({status}). Send the edit again.',
  'flux_task_error.reasons': 'FLUX failed to generate the image ({status}): {reasons}. Send the edit again.',
  flux_task_not_found:
    'FLUX no longer knows this task (Task not found): it expired (results are kept about 10 minutes), or it was asked for in the wrong region. If FLUX_API_URL names a region (api.eu.bfl.ai, api.us.bfl.ai), make sure it is the one the key belongs to; then send the edit again.',
  result_expired: 'The result link expired before it could be downloaded (HTTP {status}). Send the edit again.',
  'flux_bad_response.no_link': 'FLUX reported the image ready but gave no download link; send again.',
  'result_download_failed.http': 'Downloading the result failed with HTTP {status}.',
  result_truncated: 'The result download ended early ({received} of {declared} bytes).',
  result_too_large: 'The result is larger than {mb} MB (FLUX_INPAINT_MAX_RESULT_MB).',
  tool_no_image: 'There is no picture in this chat to edit: upload one (or have one generated) first, then ask again.',
  bridge_closed: 'Open WebUI closed the connection to the sidecar.',
  bridge_ended: 'The session has ended.',
  page_gone: 'The Open WebUI page stopped answering (tab closed or reloaded).',
} as const;
