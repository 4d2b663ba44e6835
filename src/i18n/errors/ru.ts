import type { ErrorCatalogue } from './index.js';

export const ru: ErrorCatalogue = {
  shutting_down:
    'Sidecar останавливается: отправьте снова, когда он вернётся (идущие задания продолжатся после его запуска).',
  cancelled: 'Отменено.',
  mask_required: 'Нужна маска: закрасьте часть изображения, которую нужно изменить.',
  mask_empty: 'Маска пуста: закрасьте часть изображения, которую нужно изменить, и отправьте снова.',
  mask_full: 'Маска закрывает всё изображение, и заполнять не из чего: оставьте часть изображения незакрашенной.',
  crop_too_small: 'Обрезка меньше 16x16 пикселей: выделите область побольше.',
  flux_key_missing:
    'Нет ключа API FLUX: задайте FLUX_API_KEY в valves функции FLUX Inpaint (Admin > Functions) или запустите sidecar с ним.',
  flux_forbidden: 'FLUX отклонил ключ API ({status}): проверьте FLUX_API_KEY или создайте ключ на {dashboard}',
  flux_out_of_credits: 'На счёте FLUX закончились кредиты (402): пополните его на {dashboard} и отправьте снова.',
  flux_bad_request: 'FLUX отклонил запрос (400){detail}. Проверьте промпт и параметры.',
  flux_validation: 'FLUX отклонил параметры (422){detail}.',
  'flux_validation.fields': 'FLUX отклонил {fields} (422): измените значение и отправьте снова.',
  'invalid_request.outpaint_cuts':
    'Без сети Outpaint может только добавить холст вокруг всего изображения: перетащите рамку так, чтобы она вмещала его целиком, или используйте FLUX.',
  'invalid_request.outpaint_empty': 'Для Outpaint нужна рамка больше изображения: потяните её края наружу.',
  'flux_rate_limited.retrying':
    'У FLUX слишком много активных заданий для этого ключа API (429); повтор примерно через {seconds} с.',
  flux_server_error: 'У FLUX ошибка сервера ({status}). Попробуйте снова через минуту.',
  flux_http_error: 'FLUX ответил HTTP {status}{detail}.',
  flux_timeout:
    'FLUX не завершил работу за {seconds} с (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Увеличьте их или отправьте снова позже.',
  flux_request_moderated:
    'FLUX отклонил входное изображение или промпт (Request Moderated). Измените промпт или изображение либо повысьте SAFETY_TOLERANCE (0 — строже всего). Списываются ли за это кредиты, не документировано: см. {dashboard}.',
  'flux_request_moderated.reasons':
    'FLUX отклонил входное изображение или промпт (Request Moderated) (указанные причины: {reasons}). Измените промпт или изображение либо повысьте SAFETY_TOLERANCE (0 — строже всего). Списываются ли за это кредиты, не документировано: см. {dashboard}.',
  flux_content_moderated:
    'FLUX создал изображение, но не выдал его (Content Moderated). Попробуйте другой промпт или повысьте SAFETY_TOLERANCE (0 — строже всего). Списываются ли за это кредиты, не документировано: см. {dashboard}.',
  'flux_content_moderated.reasons':
    'FLUX создал изображение, но не выдал его (Content Moderated) (указанные причины: {reasons}). Попробуйте другой промпт или повысьте SAFETY_TOLERANCE (0 — строже всего). Списываются ли за это кредиты, не документировано: см. {dashboard}.',
  flux_task_error: 'FLUX не смог создать изображение ({status}). Отправьте правку снова.',
  'flux_task_error.reasons': 'FLUX не смог создать изображение ({status}): {reasons}. Отправьте правку снова.',
  flux_task_not_found:
    'FLUX больше не знает это задание (Task not found): оно истекло (результаты хранятся около 10 минут) или запрошено не в том регионе. Если FLUX_API_URL указывает регион (api.eu.bfl.ai, api.us.bfl.ai), убедитесь, что это регион ключа; затем отправьте правку снова.',
  result_expired: 'Ссылка на результат истекла до скачивания (HTTP {status}). Отправьте правку снова.',
  'flux_bad_response.no_link':
    'FLUX сообщил, что изображение готово, но не дал ссылку для скачивания; отправьте снова.',
  'result_download_failed.http': 'Скачивание результата не удалось: HTTP {status}.',
  result_truncated: 'Скачивание результата оборвалось ({received} из {declared} байт).',
  result_too_large: 'Результат больше {mb} МБ (FLUX_INPAINT_MAX_RESULT_MB).',
  tool_no_image:
    'В этом чате нет изображения для правки: сначала загрузите его (или попросите сгенерировать), затем попросите снова.',
  bridge_closed: 'Open WebUI закрыл соединение с sidecar.',
  bridge_ended: 'Сеанс завершён.',
  page_gone: 'Страница Open WebUI перестала отвечать (вкладка закрыта или перезагружена).',
};
