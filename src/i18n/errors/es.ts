import type { ErrorCatalogue } from './index.js';

export const es: ErrorCatalogue = {
  shutting_down:
    'El sidecar se está cerrando: envíe de nuevo cuando vuelva (los trabajos en curso se reanudan al reiniciarse).',
  cancelled: 'Cancelado.',
  mask_required: 'Se necesita una máscara: pinte sobre la parte de la imagen que quiere cambiar.',
  mask_empty: 'La máscara está vacía: pinte sobre la parte de la imagen que quiere cambiar y envíe de nuevo.',
  mask_full:
    'La máscara cubre toda la imagen, así que no queda nada de dónde rellenar: deje parte de la imagen sin pintar.',
  crop_too_small: 'El recorte mide menos de 16x16 píxeles: seleccione un área mayor.',
  flux_key_missing:
    'No hay clave de API de FLUX: configure FLUX_API_KEY en las valves de la función FLUX Inpaint (Admin > Functions), o inicie el sidecar con ella.',
  flux_forbidden: 'FLUX rechazó la clave de API ({status}): revise FLUX_API_KEY, o cree una clave en {dashboard}',
  flux_out_of_credits: 'La cuenta de FLUX no tiene créditos (402): recargue en {dashboard} y envíe de nuevo.',
  'flux_out_of_credits.low':
    'Su saldo de FLUX es de {balance} créditos; {model} cuesta al menos {needed}. Puede que FLUX rechace el trabajo (402): recargue en {dashboard}.',
  flux_bad_request: 'FLUX rechazó la solicitud (400){detail}. Revise el prompt y los parámetros.',
  flux_validation: 'FLUX rechazó los parámetros (422){detail}.',
  'flux_validation.fields': 'FLUX rechazó {fields} (422): cámbielo y envíe de nuevo.',
  'flux_model_unavailable.model':
    'FLUX no tiene el endpoint "{model}" en {url} (404): puede que la API haya retirado este modelo. Elija otro modelo o revise FLUX_API_URL.',
  'flux_model_unavailable.url':
    'FLUX no tiene ningún endpoint en {url} (404): puede que la API haya retirado este modelo. Elija otro modelo o revise FLUX_API_URL.',
  'flux_rate_limited.gave_up_unsent':
    'Abandonado: FLUX tiene demasiadas tareas activas para esta clave de API (429) y pidió esperar {wait} s, más que el tiempo de este trabajo, {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). El trabajo no se envió, así que no se cobró nada. Envíe de nuevo cuando haya menos trabajos en curso, o aumente el tiempo.',
  'flux_rate_limited.gave_up_sent':
    'Abandonado: FLUX tiene demasiadas tareas activas para esta clave de API (429) y pidió esperar {wait} s, más que el tiempo de este trabajo, {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). La tarea ya estaba aceptada (y cobrada); su resultado no pudo obtenerse a tiempo. Envíe de nuevo cuando haya menos trabajos en curso, o aumente el tiempo.',
  'result_download_timeout.budget':
    'El servidor de resultados {origin} no entregó el resultado dentro de los {seconds} s del trabajo (POLL_INTERVAL x MAX_POLL_ATTEMPTS), así que se detuvo la descarga.',
  'invalid_request.outpaint_cuts':
    'Sin conexión, Outpaint solo puede añadir lienzo alrededor de la imagen entera: arrastre el marco para que la contenga toda, o use FLUX.',
  'invalid_request.outpaint_empty':
    'Outpaint necesita un marco más grande que la imagen: arrastre sus bordes hacia fuera.',
  'flux_rate_limited.retrying':
    'FLUX tiene demasiadas tareas activas para esta clave de API (429); se reintentará en unos {seconds} s.',
  flux_server_error: 'FLUX tuvo un error del servidor ({status}). Inténtelo de nuevo en un minuto.',
  flux_http_error: 'FLUX respondió HTTP {status}{detail}.',
  flux_timeout:
    'FLUX no terminó en {seconds} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Auméntelos, o envíe de nuevo más tarde.',
  flux_request_moderated:
    'FLUX rechazó la imagen de entrada o el prompt (Request Moderated). Cambie el prompt o la imagen, o suba SAFETY_TOLERANCE (0 es lo más estricto). No está documentado si se cobró: consulte {dashboard}.',
  'flux_request_moderated.reasons':
    'FLUX rechazó la imagen de entrada o el prompt (Request Moderated) (motivos indicados: {reasons}). Cambie el prompt o la imagen, o suba SAFETY_TOLERANCE (0 es lo más estricto). No está documentado si se cobró: consulte {dashboard}.',
  flux_content_moderated:
    'FLUX generó una imagen pero la retuvo (Content Moderated). Pruebe otro prompt, o suba SAFETY_TOLERANCE (0 es lo más estricto). No está documentado si se cobró: consulte {dashboard}.',
  'flux_content_moderated.reasons':
    'FLUX generó una imagen pero la retuvo (Content Moderated) (motivos indicados: {reasons}). Pruebe otro prompt, o suba SAFETY_TOLERANCE (0 es lo más estricto). No está documentado si se cobró: consulte {dashboard}.',
  flux_task_error: 'FLUX no pudo generar la imagen ({status}). Envíe la edición de nuevo.',
  'flux_task_error.reasons': 'FLUX no pudo generar la imagen ({status}): {reasons}. Envíe la edición de nuevo.',
  flux_task_not_found:
    'FLUX ya no conoce esta tarea (Task not found): caducó (los resultados se guardan unos 10 minutos), o se consultó en la región equivocada. Si FLUX_API_URL indica una región (api.eu.bfl.ai, api.us.bfl.ai), asegúrese de que sea la de la clave; luego envíe la edición de nuevo.',
  result_expired:
    'El enlace del resultado caducó antes de poder descargarlo (HTTP {status}). Envíe la edición de nuevo.',
  'flux_bad_response.no_link': 'FLUX indicó que la imagen estaba lista pero no dio enlace de descarga; envíe de nuevo.',
  'result_download_failed.http': 'La descarga del resultado falló con HTTP {status}.',
  result_truncated: 'La descarga del resultado terminó antes de tiempo ({received} de {declared} bytes).',
  result_too_large: 'El resultado ocupa más de {mb} MB (FLUX_INPAINT_MAX_RESULT_MB).',
  tool_no_image:
    'No hay ninguna imagen que editar en este chat: suba una (o pida que se genere) primero y vuelva a pedirlo.',
  bridge_closed: 'Open WebUI cerró la conexión con el sidecar.',
  bridge_ended: 'La sesión ha terminado.',
  page_gone: 'La página de Open WebUI dejó de responder (pestaña cerrada o recargada).',
  invalid_json: 'El cuerpo de la solicitud no es un JSON válido.',
  'invalid_json.detail': 'El cuerpo no es un JSON válido: {detail}',
  request_too_large: 'La solicitud es demasiado grande: use una imagen más pequeña (FLUX_INPAINT_MAX_IMAGE_MB).',
  'request_too_large.editor':
    'El editor envió más de {mb} MB de una vez: use imágenes más pequeñas o menos referencias.',
  unsupported_media_type: 'Envíe JSON (application/json) o multipart/form-data.',
  method_not_allowed: '{path} no acepta {method}; acepta {allowed}.',
  not_found: 'No hay ruta {method} {path}.',
  'internal_error.sidecar': 'Error inesperado en el sidecar; su registro tiene los detalles.',
  'invalid_request.empty_body': 'El cuerpo de la solicitud está vacío o su longitud es incorrecta.',
  'invalid_request.multipart': 'El cuerpo multipart está mal formado ({detail}): envíe los campos de nuevo.',
  'invalid_request.url': 'La URL o las cabeceras de la solicitud no son válidas ({reason}).',
  'invalid_request.too_long': '{field}: como máximo {max} caracteres.',
  'invalid_request.too_short': '{field}: como mínimo {min} caracteres.',
  'invalid_request.too_big': '{field}: como máximo {max}.',
  'invalid_request.too_small': '{field}: como mínimo {min}.',
  'invalid_request.too_many': '{field}: como máximo {max} elementos.',
  'invalid_request.too_few': '{field}: como mínimo {min} elementos.',
  'invalid_request.type': '{field}: se esperaba {expected}.',
  'invalid_request.required': '{field}: obligatorio.',
  'invalid_request.choice': '{field}: debe ser uno de estos valores: {options}.',
  'invalid_request.format': '{field}: no es un {format} válido.',
  'invalid_request.unknown_keys': '{field}: campo desconocido {keys}.',
  'invalid_request.rule': '{field}: {rule}',
  'invalid_request.whole': '{field}: debe ser un número entero.',
  'invalid_request.between': '{field}: debe estar entre {min} y {max}.',
  'invalid_request.base64': '{field}: debe ser texto base64 (se admiten un prefijo de URL data: y saltos de línea).',
  'invalid_request.image_source':
    '{field}: debe nombrar una imagen del chat («ref»), un resultado anterior («job») o traer la imagen («data», en base64, con «mime»).',
  'invalid_request.reference_source':
    '{field}: debe nombrar una imagen del chat («ref») o traer la imagen («data», en base64, con «mime»).',
  'invalid_request.mask_shape':
    '{field}: debe ser un PNG en base64 o una máscara en bruto («format»: «raw», «width», «height», «data»).',
  'invalid_request.mask_encoding': '{field}: debe ser «deflate» o faltar.',
  'invalid_request.mask_deflate': '{field}: debe ser datos deflate (zlib) de exactamente ancho x alto bytes.',
  'invalid_request.mask_size': '{field}: debe tener exactamente ancho x alto bytes (un byte por píxel).',
  'invalid_request.crop_outside': '{field}: el recorte debe quedar dentro de la imagen.',
  'invalid_request.params_object': '{field}: debe ser un objeto con los campos del modelo.',
  'invalid_request.finetune_id': '{field}: debe ser el ID del fine-tune del panel de BFL (letras, dígitos, _ y -).',
  'invalid_request.needs_instruction':
    '{field}: {model} necesita una instrucción: escriba qué debe cambiar en la imagen.',
  'invalid_request.outpaint_canvas':
    '{field}: {model} necesita el lienzo: width y height (desde 64 px), y dónde va la imagen en él (reference_offset_x, reference_offset_y; sin ellos, centrada).',
  'invalid_request.references_max':
    '{field}: {model} admite como mucho {max} imágenes de referencia además de la imagen (recibidas: {count}).',
  'invalid_request.references_none': '{field}: {model} no admite imágenes de referencia.',
  'invalid_request.output_format': '{field}: {model} no puede producir {format}; elija uno de {formats}.',
  'invalid_request.model_field': '{field}: {model} no tiene el campo {keys}.',
  'invalid_request.http_url': '{field}: debe ser una URL http(s) como {example}.',
  'invalid_request.protocol':
    '{field}: este sidecar habla el protocolo de puente {protocol}: actualice la función FLUX Inpaint para que coincidan.',
  'invalid_request.nonce': '{field}: debe tener de 16 a 128 caracteres seguros para URL.',
  'invalid_request.ref':
    '{field}: "ref" nombra una imagen de un chat de Open WebUI y solo funciona en el editor de ese chat; envíe "data" (base64) o "job".',
  'invalid_request.expand_none': 'Ampliar necesita al menos un lado mayor que 0.',
  'rate_limited.challenges':
    'Demasiados desafíos de sesión desde {ip}: como máximo {max} por minuto (FLUX_INPAINT_CHALLENGE_LIMIT). Inténtelo de nuevo en {seconds} s.',
  'rate_limited.sessions':
    'Demasiadas sesiones de Inpaint: como máximo {max} por minuto (FLUX_INPAINT_RATE_LIMIT). Inténtelo de nuevo en {seconds} s.',
  'rate_limited.jobs':
    'Demasiados trabajos nuevos: como máximo {max} por minuto (FLUX_INPAINT_RATE_LIMIT). Inténtelo de nuevo en {seconds} s.',
  'settings_invalid.field': 'Se rechazó el ajuste {field} del editor: restablezca los ajustes en el editor.',
  'settings_invalid.too_large': 'Los ajustes del editor son demasiado grandes: restablézcalos en el editor.',
  user_invalid: 'Para guardar los ajustes se necesita un id de usuario de 1 a {max} caracteres.',
  'provider_unavailable.flux': 'El proveedor FLUX no está disponible: inicie el sidecar con FLUX_API_KEY definido.',
  'provider_unavailable.disabled': 'El proveedor "{provider}" no está activado (FLUX_INPAINT_PROVIDER).',
  'result_gone.deleted':
    'El resultado del trabajo {id} ya no está en el disco (borrado, o eliminado tras FLUX_INPAINT_KEEP_RESULTS_DAYS). Envíe la edición de nuevo para obtener uno nuevo.',
  disk_full: 'El disco de la carpeta de datos del sidecar está lleno: libere espacio (o mueva FLUX_INPAINT_DATA_DIR).',
  data_dir_not_writable:
    'El sidecar no puede escribir en su carpeta de datos ({reason}): haga que FLUX_INPAINT_DATA_DIR sea escribible para el usuario que ejecuta el sidecar.',
  storage_error: 'El sidecar no pudo escribir en su carpeta de datos ({reason}).',
  image_empty: 'La imagen está vacía.',
  'image_empty.mask': 'El archivo de la máscara está vacío.',
  'image_empty.reference': 'La imagen de referencia {n} está vacía.',
  image_too_large:
    'La imagen ocupa {size} MB; el límite es {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Use una imagen más pequeña.',
  'image_too_large.mask': 'La máscara ocupa {size} MB; el límite es {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB).',
  'image_too_large.reference':
    'La imagen de referencia {n} ocupa {size} MB; el límite es {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Use una imagen más pequeña.',
  'image_too_large.link': 'La imagen en {host} supera el límite (FLUX_INPAINT_MAX_IMAGE_MB).',
  image_too_many_pixels:
    'La imagen tiene más de {mp} megapíxeles (FLUX_INPAINT_MAX_IMAGE_MP). Use una imagen más pequeña.',
  'image_too_many_pixels.mask': 'La máscara tiene más de {mp} megapíxeles (FLUX_INPAINT_MAX_IMAGE_MP).',
  'image_too_many_pixels.reference':
    'La imagen de referencia {n} tiene más de {mp} megapíxeles (FLUX_INPAINT_MAX_IMAGE_MP). Use una imagen más pequeña.',
  image_unreadable: 'La imagen no es una imagen PNG, JPEG o WebP legible.',
  'image_unreadable.mask': 'La máscara no es una imagen PNG, JPEG o WebP legible.',
  'image_unreadable.reference': 'La imagen de referencia {n} no es una imagen PNG, JPEG o WebP legible.',
  'image_unreadable.data_url': 'La imagen del chat es una URL data: no compatible.',
  image_unsupported: 'La imagen debe ser PNG, JPEG o WebP (se recibió {format}).',
  'image_unsupported.mask': 'La máscara debe ser PNG, JPEG o WebP (se recibió {format}).',
  'image_unsupported.reference': 'La imagen de referencia {n} debe ser PNG, JPEG o WebP (se recibió {format}).',
  'image_unsupported.link': 'El enlace en {host} no es una imagen ({type}).',
  mask_aspect_mismatch:
    'La máscara mide {mask} pero la imagen {image}: deben tener la misma proporción. Recargue el editor y pinte de nuevo.',
  'invalid_mask.size': 'La máscara mide {mask} pero la imagen {image}; envíe una máscara del tamaño de la imagen.',
  'invalid_image.channels': 'Se esperaba una imagen con {expected} canal(es) tras la conversión, tiene {got}.',
  'image_not_found.gone': '{field}: esa imagen ya no está disponible: recargue el editor.',
  'image_not_found.job': 'Para editar un resultado anterior, haga clic en Inpaint debajo de él en el chat.',
  'image_fetch_failed.redirects': 'El enlace de la imagen redirige demasiadas veces.',
  'image_fetch_failed.network': 'No se pudo cargar la imagen desde {host}: {reason}',
  'image_fetch_failed.http': 'No se pudo cargar la imagen desde {host} (HTTP {status}).',
  image_fetch_timeout:
    'La imagen en {host} no llegó en {seconds} s; ese servidor es demasiado lento. Guarde la imagen y cárguela en el editor.',
  'image_url_refused.invalid': 'El chat enlaza a "{link}", que no es un enlace válido.',
  'image_url_refused.redirect': '{host} redirige a "{link}", que no es un enlace válido.',
  'image_url_refused.scheme': 'No se cargó el enlace de imagen {origin}: solo se cargan enlaces http y https.',
  'image_url_refused.credentials': 'No se cargó el enlace de imagen {origin}: no se cargan enlaces con credenciales.',
  'image_url_refused.private': 'No se cargó el enlace de imagen {origin}: apunta a una red privada.',
  'expand_too_large.local':
    'Ampliar daría una imagen de {size} ({mp} megapíxeles); el proveedor local admite como máximo {max}. Amplíe menos o use una imagen más pequeña.',
  'unsupported.local': 'El proveedor local no puede hacer {model}; defina FLUX_API_KEY para usar FLUX.',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}: ahí no hay ningún archivo. Descargue un modelo (npm run download-model -- lama) y apunte FLUX_INPAINT_LOCAL_MODEL a él, o quite el ajuste para usar el relleno clásico.',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} no se pudo cargar como modelo ONNX ({detail}). Puede que el archivo esté incompleto o dañado: descárguelo de nuevo (npm run download-model -- lama lo comprueba), o quite FLUX_INPAINT_LOCAL_MODEL para usar el relleno clásico.',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} no es un modelo de inpainting que este sidecar pueda ejecutar: {detail}. Use una exportación de LaMa o MI-GAN (README: "Model fill"), o quite FLUX_INPAINT_LOCAL_MODEL para usar el relleno clásico.',
  'local_model_unsupported.output':
    'El modelo de FLUX_INPAINT_LOCAL_MODEL devolvió {got} valores en lugar de {expected} (3 x {height} x {width}). Use una exportación de LaMa o MI-GAN, o quite FLUX_INPAINT_LOCAL_MODEL para usar el relleno clásico.',
  local_model_timeout:
    'El modelo de FLUX_INPAINT_LOCAL_MODEL={file} tardó más de FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} s. Aumente el ajuste, use un modelo más pequeño (MI-GAN), o quite FLUX_INPAINT_LOCAL_MODEL para usar el relleno clásico.',
  flux_unreachable: 'No se puede conectar con FLUX en {origin} ({reason}): revise la red y FLUX_API_URL.',
  flux_connection_lost: 'Se cortó la conexión con FLUX en {origin} ({reason}).',
  'flux_untrusted_polling_url.not_url': 'FLUX devolvió una URL de consulta que no es una URL ({url}).',
  flux_untrusted_polling_url:
    'FLUX devolvió una URL de consulta en {origin}, que no forma parte de {api}; la clave de API no se enviará allí.',
  flux_no_polling_url:
    'FLUX aceptó el trabajo (tarea {id}) pero no dio ninguna polling_url para seguirlo, así que su resultado no se puede obtener. Puede que se haya cobrado: compruébelo en {dashboard}.',
  'flux_bad_response.not_json': 'FLUX en {origin} respondió algo que no es el JSON esperado; inténtelo de nuevo.',
  'result_not_image.type': 'El resultado no es una imagen (content-type "{type}").',
  'result_not_image.data':
    'El servidor del resultado envió datos que no son una imagen en lugar de una imagen PNG, JPEG o WebP; no se guardaron. Envíe la edición de nuevo; si se repite, revise FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.format':
    'El servidor del resultado envió un archivo de tipo {format} en lugar de una imagen PNG, JPEG o WebP; no se guardó. Envíe la edición de nuevo; si se repite, revise FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.broken':
    'El servidor del resultado envió un archivo {format} dañado en lugar de una imagen PNG, JPEG o WebP; no se guardó. Envíe la edición de nuevo; si se repite, revise FLUX_INPAINT_RESULT_HOSTS.',
  'result_too_large.pixels':
    'El resultado mide {size} píxeles, más de los {mp} megapíxeles que puede tener un resultado de FLUX; no se guardó. Envíe la edición de nuevo.',
  'result_host_refused.not_url': 'FLUX devolvió un resultado en {origin}, que no se descargó: no es una URL.',
  'result_host_refused.credentials':
    'FLUX devolvió un resultado en {origin}, que no se descargó: no se descargan enlaces con credenciales.',
  'result_host_refused.not_listed':
    'FLUX devolvió un resultado en {origin}, que no se descargó: no está en FLUX_INPAINT_RESULT_HOSTS (una lista estricta si está definida; déjela vacía para aceptar cualquier servidor https público).',
  'result_host_refused.not_https': 'FLUX devolvió un resultado en {origin}, que no se descargó: no es https.',
  'result_host_refused.private':
    'FLUX devolvió un resultado en {origin}, que no se descargó: resuelve a una dirección de red privada; si ese servidor es suyo, añada su origen a FLUX_INPAINT_PRIVATE_ORIGINS.',
  'result_download_timeout.host':
    'El servidor del resultado {origin} no lo entregó en {seconds} s; se detuvo la descarga.',
  'result_download_failed.network': 'Falló la descarga del resultado desde {origin} ({reason}).',
  protocol_mismatch:
    'Este sidecar habla el protocolo de puente {protocol}: actualice la función FLUX Inpaint en Open WebUI (Admin > Functions) a la versión que viene con este sidecar.',
  'invalid_request.key_not_sealed':
    'valves.FLUX_API_KEY no está sellada con la clave de esta sesión: actualice la función FLUX Inpaint en Open WebUI.',
  'invalid_request.editor_part':
    'El editor envió una parte de mensaje mal formada: ciérrelo y haga clic de nuevo en Inpaint.',
  'invalid_request.editor_parts':
    'El editor envió partes de un mismo mensaje que no coinciden: haga clic de nuevo en Inpaint.',
  'invalid_request.editor_message': 'El editor envió un mensaje que no se puede leer: haga clic de nuevo en Inpaint.',
  session_not_found: 'No hay ninguna sesión abierta "{session}" (terminó o el sidecar se reinició).',
  op_not_found: 'La sesión {session} no está esperando la op {op}.',
  'unauthorized.reply_mac': 'La respuesta no lleva un X-Flux-Inpaint-Mac válido para esta sesión.',
  'unauthorized.no_auth':
    'La solicitud no lleva una cabecera X-Flux-Inpaint-Auth válida: actualice la función FLUX Inpaint en Open WebUI a la versión que corresponde a este sidecar.',
  'unauthorized.challenge': 'El desafío de sesión es desconocido, ya se usó o caducó: haga clic de nuevo en Inpaint.',
  'unauthorized.token':
    'SIDECAR_TOKEN incorrecto: copie el token que el sidecar mostró en su primer arranque (también en <data dir>/token) en la válvula SIDECAR_TOKEN.',
  bridge_timeout: 'Open WebUI no respondió a tiempo a "{op}".',
  host_script_failed: 'El relé del editor falló en la página de Open WebUI: {reason}.',
  'host_script_failed.silent': 'El relé del editor falló en la página de Open WebUI: no hubo respuesta.',
  unknown_method: 'El sidecar no conoce "{method}".',
  translation_empty: 'El modelo del chat no dio ninguna traducción útil.',
  'owui_not_found.image_file': 'Falta el archivo de esta imagen en el almacenamiento de Open WebUI.',
  'owui_not_found.file': 'Esta imagen no está en los archivos de Open WebUI (puede que se haya borrado).',
  'owui_not_found.parent': 'El mensaje al que responder ya no está en el chat.',
  'owui_forbidden.not_owui_image': 'Solo se leen imágenes de Open WebUI (/api/v1/files, ids de archivo, /cache).',
  'owui_forbidden.not_in_chat': 'Solo se pueden leer imágenes citadas en este chat.',
  'owui_forbidden.not_shared': 'Esta imagen es de otro usuario y no está compartida con usted.',
  'owui_forbidden.not_added': 'Solo se puede quitar un mensaje que haya añadido esta sesión.',
  'owui_invalid.image_file': 'Esta imagen es demasiado grande o no es un archivo PNG, JPEG o WebP.',
  'owui_invalid.not_image': 'Este archivo no es una imagen PNG, JPEG o WebP.',
  'owui_invalid.save_type': 'Solo se guardan imágenes PNG, JPEG o WebP (con tipo y contenido coincidentes).',
  'owui_unsupported.no_page': 'No hay ninguna página del navegador conectada a esta acción.',
  'owui_unsupported.remove': 'Open WebUI anterior a 0.10 no puede quitar un mensaje.',
  'owui_failed.record_file': 'Open WebUI no pudo registrar la imagen en sus archivos.',
  'owui_failed.no_answer': 'El modelo no respondió (¿es un modelo de chat que puede responder sin streaming?).',
  'owui_failed.write_message': 'Open WebUI no pudo escribir el mensaje en el chat.',
  'owui_timeout.page': 'La página del navegador no respondió a tiempo.',
  'owui_unknown_op.update': 'La función no conoce esa operación: actualícela a la versión del sidecar.',
  'owui_failed.exception': 'La función FLUX Inpaint falló dentro de Open WebUI ({detail}).',
  'owui_invalid.no_url': 'Open WebUI guardó la imagen pero no devolvió ninguna URL útil.',
  'owui_invalid.no_data': 'Open WebUI no devolvió datos de imagen.',
  'tool_image_not_found.too_few':
    'Ninguna imagen de este chat coincide con "{which}" (solo hay {count}). El chat tiene {count}: {list}. Pregunte cuál, o use which="latest".',
  'tool_image_not_found.no_words':
    'Ninguna imagen de este chat coincide con "{which}" (ninguna se describió con esas palabras). El chat tiene {count}: {list}. Pregunte cuál, o use which="latest".',
  'invalid_request.below': '{field}: menos de {max}.',
  'invalid_request.above': '{field}: más de {min}.',
  'unauthorized.wrong_token':
    'Token incorrecto: use el token que el sidecar mostró en su primer arranque (también en su carpeta de datos, archivo "token"), o FLUX_INPAINT_TOKEN.',
  'unauthorized.missing_token':
    'Falta el token: envíe "Authorization: Bearer <token>" (el token que el sidecar mostró en su primer arranque).',
  'invalid_request.job_id': '{field}: no es un id de trabajo.',

  // Jobs and the data dir lock
  job_not_found: 'No hay ningún trabajo con id "{id}".',
  result_not_ready: 'El trabajo {id} aún no tiene resultado (está en {state}).',
  job_inputs_missing: 'Las entradas del trabajo {id} ya no están en el directorio de datos: envíe la edición de nuevo.',
  'job_entry_unknown.retired':
    'Este trabajo, "{prompt}", pedía {model}, que esta versión ya no ofrece. Nunca llegó a FLUX, así que no se cobró nada: envíe la edición de nuevo con otro modelo.',
  'job_entry_unknown.fields':
    'Este trabajo, «{prompt}», viene de una versión anterior con un valor que esta versión no admite ({field}). Nunca llegó a FLUX, así que no se cobró nada: envíe la edición de nuevo.',
  'job_entry_unknown.other_version':
    'Este trabajo, "{prompt}", fue registrado por otra versión del sidecar (estado "{state}") y se terminó: consulte {dashboard} antes de enviarlo de nuevo, puede que se haya cobrado.',
  data_dir_in_use:
    'Otro sidecar de flux-inpaint (pid {pid}) usa el directorio de datos {dir}: deténgalo primero o dé a este su propio FLUX_INPAINT_DATA_DIR.',
  'data_dir_in_use.unknown_pid':
    'Otro sidecar de flux-inpaint usa el directorio de datos {dir}: deténgalo primero o dé a este su propio FLUX_INPAINT_DATA_DIR.',
};
