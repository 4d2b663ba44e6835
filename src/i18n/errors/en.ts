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
  'flux_out_of_credits.low':
    'Your FLUX balance is {balance} credits; {model} costs at least {needed}. FLUX may refuse the job (402): top up at {dashboard}.',
  flux_bad_request: 'FLUX rejected the request (400){detail}. Check the prompt and the parameters.',
  flux_validation: 'FLUX rejected the parameters (422){detail}.',
  'flux_validation.fields': 'FLUX refused {fields} (422): change it and send again.',
  'flux_model_unavailable.model':
    'FLUX has no "{model}" endpoint at {url} (404): the API may have retired this model. Pick another model, or check FLUX_API_URL.',
  'flux_model_unavailable.url':
    'FLUX has no endpoint at {url} (404): the API may have retired this model. Pick another model, or check FLUX_API_URL.',
  'flux_rate_limited.gave_up_unsent':
    "Gave up: FLUX has too many active tasks for this API key (429) and asked to wait {wait} s, longer than this job's time budget of {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). The job was not sent, so nothing was charged. Send again when fewer jobs are running, or raise the budget.",
  'flux_rate_limited.gave_up_sent':
    "Gave up: FLUX has too many active tasks for this API key (429) and asked to wait {wait} s, longer than this job's time budget of {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). The task was already accepted (and charged); its result could not be fetched in time. Send again when fewer jobs are running, or raise the budget.",
  'result_download_timeout.budget':
    "The result host {origin} did not deliver the result within the job's {seconds} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS), so the download was stopped.",
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
  // The HTTP API
  invalid_json: 'The request body is not valid JSON.',
  'invalid_json.detail': 'The body is not valid JSON: {detail}',
  request_too_large: 'The request is too large: use a smaller image (FLUX_INPAINT_MAX_IMAGE_MB).',
  'request_too_large.editor': 'The editor sent more than {mb} MB at once: use smaller pictures or fewer references.',
  unsupported_media_type: 'Send JSON (application/json) or multipart/form-data.',
  method_not_allowed: '{path} does not accept {method}; it accepts {allowed}.',
  not_found: 'No route {method} {path}.',
  'internal_error.sidecar': 'Unexpected error in the sidecar; its log has the details.',
  'invalid_request.empty_body': 'The request body is empty or its length is wrong.',
  'invalid_request.multipart': 'The multipart body is malformed ({detail}): send the fields again.',
  'invalid_request.url': 'The request URL or headers are invalid ({reason}).',
  'invalid_request.too_long': '{field}: at most {max} characters.',
  'invalid_request.too_short': '{field}: at least {min} characters.',
  'invalid_request.too_big': '{field}: at most {max}.',
  'invalid_request.too_small': '{field}: at least {min}.',
  'invalid_request.too_many': '{field}: at most {max} items.',
  'invalid_request.too_few': '{field}: at least {min} items.',
  'invalid_request.job_id': '{field}: not a job id.',
  'invalid_request.below': '{field}: less than {max}.',
  'invalid_request.above': '{field}: more than {min}.',
  'invalid_request.type': '{field}: expected {expected}.',
  'invalid_request.required': '{field}: required.',
  'invalid_request.choice': '{field}: must be one of {options}.',
  'invalid_request.format': '{field}: not a valid {format}.',
  'invalid_request.unknown_keys': '{field}: unknown field {keys}.',
  'invalid_request.rule': '{field}: {rule}',
  'invalid_request.whole': '{field}: must be a whole number.',
  'invalid_request.between': '{field}: must be between {min} and {max}.',
  'invalid_request.base64': '{field}: must be base64 text (a data: URL prefix and line breaks are fine).',
  'invalid_request.image_source':
    '{field}: must name a picture of the chat ("ref"), a previous result ("job"), or carry the picture ("data", base64, with "mime").',
  'invalid_request.reference_source':
    '{field}: must name a picture of the chat ("ref") or carry the picture ("data", base64, with "mime").',
  'invalid_request.mask_shape':
    '{field}: must be a base64 PNG, or a raw mask ("format": "raw", "width", "height", "data").',
  'invalid_request.mask_encoding': '{field}: must be "deflate" or absent.',
  'invalid_request.mask_deflate': '{field}: must be deflate (zlib) data of exactly width x height bytes.',
  'invalid_request.mask_size': '{field}: must hold exactly width x height bytes (one byte per pixel).',
  'invalid_request.crop_outside': '{field}: the crop must lie inside the picture.',
  'invalid_request.params_object': "{field}: must be an object of the model's fields.",
  'invalid_request.finetune_id': '{field}: must be the fine-tune ID from the BFL dashboard (letters, digits, _ and -).',
  'invalid_request.needs_instruction':
    '{field}: {model} needs an instruction: write what should change in the picture.',
  'invalid_request.outpaint_canvas':
    '{field}: {model} needs the canvas: width and height (from 64 px), and where the picture sits on it (reference_offset_x, reference_offset_y; absent = centred).',
  'invalid_request.references_max':
    '{field}: {model} takes at most {max} reference images besides the picture (got {count}).',
  'invalid_request.references_none': '{field}: {model} takes no reference images.',
  'invalid_request.output_format': '{field}: {model} cannot give {format}; choose one of {formats}.',
  'invalid_request.model_field': '{field}: {model} has no field {keys}.',
  'invalid_request.http_url': '{field}: must be an http(s) URL like {example}.',
  'invalid_request.protocol':
    '{field}: this sidecar speaks bridge protocol {protocol}: update the FLUX Inpaint function so they match.',
  'invalid_request.nonce': '{field}: must be 16-128 URL-safe characters.',
  'invalid_request.ref':
    '{field}: "ref" names a picture of an Open WebUI chat and works only in the editor there; send "data" (base64) or "job".',
  'invalid_request.expand_none': 'Expand needs at least one side larger than 0.',
  'rate_limited.challenges':
    'Too many session challenges from {ip}: at most {max} a minute (FLUX_INPAINT_CHALLENGE_LIMIT). Try again in {seconds} s.',
  'rate_limited.sessions':
    'Too many Inpaint sessions: at most {max} a minute (FLUX_INPAINT_RATE_LIMIT). Try again in {seconds} s.',
  'rate_limited.jobs': 'Too many new jobs: at most {max} a minute (FLUX_INPAINT_RATE_LIMIT). Try again in {seconds} s.',
  'settings_invalid.field': 'The editor setting {field} was refused: reset the settings in the editor.',
  'settings_invalid.too_large': 'The editor settings are too large: reset them in the editor.',
  user_invalid: 'A user id of 1 to {max} characters is needed to keep settings.',
  'provider_unavailable.flux': 'The FLUX provider is not available: start the sidecar with FLUX_API_KEY set.',
  'provider_unavailable.disabled': 'The "{provider}" provider is not enabled (FLUX_INPAINT_PROVIDER).',
  'result_gone.deleted':
    'The result of job {id} is no longer on disk (deleted, or removed after FLUX_INPAINT_KEEP_RESULTS_DAYS). Send the edit again to make a new one.',

  // The data dir
  disk_full: "The disk holding the sidecar's data dir is full: free some space (or move FLUX_INPAINT_DATA_DIR).",
  data_dir_not_writable:
    'The sidecar cannot write to its data dir ({reason}): make FLUX_INPAINT_DATA_DIR writable by the user running the sidecar.',
  storage_error: 'The sidecar could not write to its data dir ({reason}).',

  // Pictures and masks sent to the sidecar
  image_empty: 'The image is empty.',
  'image_empty.mask': 'The mask file is empty.',
  'image_empty.reference': 'Reference image {n} is empty.',
  image_too_large: 'The image is {size} MB; the limit is {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Use a smaller image.',
  'image_too_large.mask': 'The mask is {size} MB; the limit is {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB).',
  'image_too_large.reference':
    'Reference image {n} is {size} MB; the limit is {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Use a smaller image.',
  'image_too_large.link': 'The image on {host} is larger than the limit (FLUX_INPAINT_MAX_IMAGE_MB).',
  image_too_many_pixels: 'The image has more than {mp} megapixels (FLUX_INPAINT_MAX_IMAGE_MP). Use a smaller image.',
  'image_too_many_pixels.mask': 'The mask has more than {mp} megapixels (FLUX_INPAINT_MAX_IMAGE_MP).',
  'image_too_many_pixels.reference':
    'Reference image {n} has more than {mp} megapixels (FLUX_INPAINT_MAX_IMAGE_MP). Use a smaller image.',
  image_unreadable: 'The image is not a PNG, JPEG or WebP image that can be read.',
  'image_unreadable.mask': 'The mask is not a PNG, JPEG or WebP image that can be read.',
  'image_unreadable.reference': 'Reference image {n} is not a PNG, JPEG or WebP image that can be read.',
  'image_unreadable.data_url': 'The image in the chat is an unsupported data: URL.',
  image_unsupported: 'The image must be PNG, JPEG or WebP (got {format}).',
  'image_unsupported.mask': 'The mask must be PNG, JPEG or WebP (got {format}).',
  'image_unsupported.reference': 'Reference image {n} must be PNG, JPEG or WebP (got {format}).',
  'image_unsupported.link': 'The link on {host} is not an image ({type}).',
  mask_aspect_mismatch:
    'The mask is {mask} but the image is {image}: they must have the same aspect ratio. Reload the editor and paint again.',
  'invalid_mask.size': "The mask is {mask} but the image is {image}; send a mask of the image's size.",
  'invalid_image.channels': 'Expected an image with {expected} channel(s) after conversion, got {got}.',
  'image_not_found.gone': '{field}: that picture is no longer available: reload the editor.',
  'image_not_found.job': 'Editing a previous result works in the chat by clicking Inpaint under it.',

  // Image links (pictures in the chat that live on other servers)
  'image_fetch_failed.redirects': 'The image link redirects too many times.',
  'image_fetch_failed.network': 'Could not load the image from {host}: {reason}',
  'image_fetch_failed.http': 'Could not load the image from {host} (HTTP {status}).',
  image_fetch_timeout:
    'The image on {host} did not arrive within {seconds} s; that server is too slow. Save the image and load it in the editor instead.',
  'image_url_refused.invalid': 'The chat links to "{link}", which is not a valid link.',
  'image_url_refused.redirect': '{host} redirects to "{link}", which is not a valid link.',
  'image_url_refused.scheme': 'The image link {origin} was not loaded: only http and https links can be loaded.',
  'image_url_refused.credentials': 'The image link {origin} was not loaded: links with credentials are not loaded.',
  'image_url_refused.private': 'The image link {origin} was not loaded: it points into a private network.',

  // The local provider
  'expand_too_large.local':
    'Expanding would make a {size} image ({mp} megapixels); the local provider handles at most {max}. Expand by less or use a smaller image.',
  'unsupported.local': 'The local provider cannot do {model}; set FLUX_API_KEY to use FLUX.',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}: there is no file there. Download a model (npm run download-model -- lama) and point FLUX_INPAINT_LOCAL_MODEL at it, or unset it to use the classical fill.',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} could not be loaded as an ONNX model ({detail}). The file may be incomplete or damaged: download it again (npm run download-model -- lama checks it), or unset FLUX_INPAINT_LOCAL_MODEL to use the classical fill.',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} is not an inpainting model this sidecar can run: {detail}. Use a LaMa or MI-GAN export (README: "Model fill"), or unset FLUX_INPAINT_LOCAL_MODEL to use the classical fill.',
  'local_model_unsupported.output':
    'The model in FLUX_INPAINT_LOCAL_MODEL returned {got} values instead of {expected} (3 x {height} x {width}). Use a LaMa or MI-GAN export, or unset FLUX_INPAINT_LOCAL_MODEL to use the classical fill.',
  local_model_timeout:
    'The model in FLUX_INPAINT_LOCAL_MODEL={file} took longer than FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} s. Raise the setting, use a smaller model (MI-GAN), or unset FLUX_INPAINT_LOCAL_MODEL to use the classical fill.',

  // Talking to FLUX and downloading its result
  flux_unreachable: 'Cannot reach FLUX at {origin} ({reason}): check the network and FLUX_API_URL.',
  flux_connection_lost: 'The connection to FLUX at {origin} broke ({reason}).',
  'flux_untrusted_polling_url.not_url': 'FLUX returned a polling URL that is not a URL ({url}).',
  flux_untrusted_polling_url:
    'FLUX returned a polling URL on {origin}, which is not part of {api}; refusing to send the API key there.',
  flux_no_polling_url:
    'FLUX accepted the job (task {id}) but gave no polling_url to follow it, so its result cannot be fetched. It may have been charged: check {dashboard}.',
  'flux_bad_response.not_json': 'FLUX at {origin} answered with something that is not the expected JSON; try again.',
  'result_not_image.type': 'The result is not an image (content-type "{type}").',
  'result_not_image.data':
    'The result host sent data that is no picture instead of a PNG, JPEG or WebP picture, so it was not kept. Send the edit again; if it happens again, check FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.format':
    'The result host sent a file of type {format} instead of a PNG, JPEG or WebP picture, so it was not kept. Send the edit again; if it happens again, check FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.broken':
    'The result host sent a broken {format} file instead of a PNG, JPEG or WebP picture, so it was not kept. Send the edit again; if it happens again, check FLUX_INPAINT_RESULT_HOSTS.',
  'result_too_large.pixels':
    'The result is {size} pixels, more than the {mp} megapixels a FLUX result can have, so it was not kept. Send the edit again.',
  'result_host_refused.not_url': 'FLUX returned a result on {origin}, which was not downloaded: it is not a URL.',
  'result_host_refused.credentials':
    'FLUX returned a result on {origin}, which was not downloaded: links with credentials are not downloaded.',
  'result_host_refused.not_listed':
    'FLUX returned a result on {origin}, which was not downloaded: it is not in FLUX_INPAINT_RESULT_HOSTS (a strict list when set; leave it empty to accept any public https host).',
  'result_host_refused.not_https': 'FLUX returned a result on {origin}, which was not downloaded: it is not https.',
  'result_host_refused.private':
    'FLUX returned a result on {origin}, which was not downloaded: it resolves to a private network address; if that host is yours, add its origin to FLUX_INPAINT_PRIVATE_ORIGINS.',
  'result_download_timeout.host':
    'The result host {origin} did not deliver the result within {seconds} s, so the download was stopped.',
  'result_download_failed.network': 'Downloading the result from {origin} failed ({reason}).',

  // The session with Open WebUI
  protocol_mismatch:
    'This sidecar speaks bridge protocol {protocol}: update the FLUX Inpaint function in Open WebUI (Admin > Functions) to the version shipped with this sidecar.',
  'invalid_request.key_not_sealed':
    "valves.FLUX_API_KEY is not sealed with this session's key: update the FLUX Inpaint function in Open WebUI.",
  'invalid_request.editor_part': 'The editor sent a malformed part of a message: close it and click Inpaint again.',
  'invalid_request.editor_parts': 'The editor sent parts of one message that disagree: click Inpaint again.',
  'invalid_request.editor_message': 'The editor sent a message that does not read back: click Inpaint again.',
  session_not_found: 'No open session "{session}" (it ended or the sidecar restarted).',
  op_not_found: 'Session {session} is not waiting for op {op}.',
  'unauthorized.wrong_token':
    'Wrong token: use the token the sidecar printed on first start (also in its data dir, file "token"), or FLUX_INPAINT_TOKEN.',
  'unauthorized.missing_token':
    'Missing token: send "Authorization: Bearer <token>" (the token the sidecar printed on first start).',
  'unauthorized.reply_mac': 'The reply carries no valid X-Flux-Inpaint-Mac for this session.',
  'unauthorized.no_auth':
    'The request carries no valid X-Flux-Inpaint-Auth header: update the FLUX Inpaint function in Open WebUI to the version that matches this sidecar.',
  'unauthorized.challenge': 'The session challenge is unknown, used or expired: click Inpaint again.',
  'unauthorized.token':
    'Wrong SIDECAR_TOKEN: copy the token the sidecar printed on first start (also in <data dir>/token) into the SIDECAR_TOKEN valve.',
  bridge_timeout: 'Open WebUI did not answer "{op}" in time.',
  host_script_failed: 'The editor relay failed in the Open WebUI page: {reason}.',
  'host_script_failed.silent': 'The editor relay failed in the Open WebUI page: it gave no answer.',
  unknown_method: 'The sidecar does not know "{method}".',
  translation_empty: 'The chat model gave no usable translation.',
  'owui_not_found.image_file': "That image's file is missing from Open WebUI's storage.",
  'owui_not_found.file': "That image is not in Open WebUI's files (it may have been deleted).",
  'owui_not_found.parent': 'The message to answer is no longer in the chat.',
  'owui_forbidden.not_owui_image': "Only Open WebUI's images (/api/v1/files, file ids, /cache) are read.",
  'owui_forbidden.not_in_chat': 'Only images referenced in this chat can be read.',
  'owui_forbidden.not_shared': 'That image belongs to another user and is not shared with you.',
  'owui_forbidden.not_added': 'Only a message this session added can be removed.',
  'owui_invalid.image_file': 'That image is too large, or not a PNG, JPEG or WebP file.',
  'owui_invalid.not_image': 'That file is not a PNG, JPEG or WebP image.',
  'owui_invalid.save_type': 'Only PNG, JPEG or WebP images (type and content agreeing) are saved.',
  'owui_unsupported.no_page': 'No browser page is connected to this action.',
  'owui_unsupported.remove': 'Open WebUI before 0.10 cannot remove a message.',
  'owui_failed.record_file': 'Open WebUI could not record the image in its files.',
  'owui_failed.no_answer': 'The model gave no answer (is it a chat model that can answer without streaming?).',
  'owui_failed.write_message': 'Open WebUI could not write the message into the chat.',
  'owui_timeout.page': 'The browser page did not answer in time.',
  'owui_unknown_op.update': "This function does not know that op: update it to the sidecar's version.",
  'owui_failed.exception': 'The FLUX Inpaint function failed inside Open WebUI ({detail}).',
  'owui_invalid.no_url': 'Open WebUI saved the image but returned no usable URL.',
  'owui_invalid.no_data': 'Open WebUI returned no image data.',
  'tool_image_not_found.too_few':
    'No picture in this chat matches "{which}" (there are only {count}). The chat has {count}: {list}. Ask which one, or use which="latest".',
  'tool_image_not_found.no_words':
    'No picture in this chat matches "{which}" (no picture was described with those words). The chat has {count}: {list}. Ask which one, or use which="latest".',

  // Jobs and the data dir lock
  job_not_found: 'No job with id "{id}".',
  result_not_ready: 'Job {id} has no result yet (it is {state}).',
  job_inputs_missing: 'The inputs of job {id} are gone from the data dir; send the edit again.',
  'job_entry_unknown.retired':
    'This job, "{prompt}", asked for {model}, which this version no longer offers. It never reached FLUX, so nothing was charged: send the edit again with another model.',
  'job_entry_unknown.fields':
    'This job, "{prompt}", was kept from an earlier version with a value this version does not take ({field}). It never reached FLUX, so nothing was charged: send the edit again.',
  'job_entry_unknown.other_version':
    'This job, "{prompt}", was journaled by another version of the sidecar (state "{state}") and was ended: look at {dashboard} before sending it again, it may have been charged.',
  data_dir_in_use:
    'Another flux-inpaint sidecar (pid {pid}) uses the data dir {dir}: stop it first, or give this one its own FLUX_INPAINT_DATA_DIR.',
  'data_dir_in_use.unknown_pid':
    'Another flux-inpaint sidecar uses the data dir {dir}: stop it first, or give this one its own FLUX_INPAINT_DATA_DIR.',
} as const;
