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
  flux_bad_request: 'FLUX rechazó la solicitud (400){detail}. Revise el prompt y los parámetros.',
  flux_validation: 'FLUX rechazó los parámetros (422){detail}.',
  'flux_validation.fields': 'FLUX rechazó {fields} (422): cámbielo y envíe de nuevo.',
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
};
