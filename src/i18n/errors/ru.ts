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
  'flux_out_of_credits.low':
    'На вашем счёте FLUX {balance} кредитов; {model} стоит не меньше {needed}. FLUX может отклонить задачу (402): пополните счёт на {dashboard}.',
  flux_bad_request: 'FLUX отклонил запрос (400){detail}. Проверьте промпт и параметры.',
  flux_validation: 'FLUX отклонил параметры (422){detail}.',
  'flux_validation.fields': 'FLUX отклонил {fields} (422): измените значение и отправьте снова.',
  'flux_model_unavailable.model':
    'У FLUX нет конечной точки «{model}» по адресу {url} (404): возможно, API больше не предлагает эту модель. Выберите другую модель или проверьте FLUX_API_URL.',
  'flux_model_unavailable.url':
    'У FLUX нет конечной точки по адресу {url} (404): возможно, API больше не предлагает эту модель. Выберите другую модель или проверьте FLUX_API_URL.',
  'flux_rate_limited.gave_up_unsent':
    'Прекращено: у FLUX слишком много активных задач для этого API-ключа (429), и он попросил подождать {wait} с — дольше, чем время этого задания, {budget} с (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Задание не было отправлено, поэтому ничего не списано. Отправьте снова, когда заданий станет меньше, или увеличьте время.',
  'flux_rate_limited.gave_up_sent':
    'Прекращено: у FLUX слишком много активных задач для этого API-ключа (429), и он попросил подождать {wait} с — дольше, чем время этого задания, {budget} с (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Задача уже была принята (и оплачена); её результат не удалось получить вовремя. Отправьте снова, когда заданий станет меньше, или увеличьте время.',
  'result_download_timeout.budget':
    'Сервер результатов {origin} не отдал результат за {seconds} с, отведённые заданию (POLL_INTERVAL x MAX_POLL_ATTEMPTS), поэтому загрузка остановлена.',
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
  invalid_json: 'Тело запроса — не корректный JSON.',
  'invalid_json.detail': 'Тело — не корректный JSON: {detail}',
  request_too_large: 'Запрос слишком велик: используйте изображение поменьше (FLUX_INPAINT_MAX_IMAGE_MB).',
  'request_too_large.editor':
    'Редактор отправил больше {mb} МБ за раз: используйте изображения поменьше или меньше референсов.',
  unsupported_media_type: 'Отправьте JSON (application/json) или multipart/form-data.',
  method_not_allowed: '{path} не принимает {method}; допустимо: {allowed}.',
  not_found: 'Нет маршрута {method} {path}.',
  'internal_error.sidecar': 'Непредвиденная ошибка в sidecar; подробности в его журнале.',
  'invalid_request.empty_body': 'Тело запроса пустое или его длина неверна.',
  'invalid_request.multipart': 'Тело multipart повреждено ({detail}): отправьте поля снова.',
  'invalid_request.url': 'URL или заголовки запроса недопустимы ({reason}).',
  'invalid_request.too_long': '{field}: не более {max} символов.',
  'invalid_request.too_short': '{field}: не менее {min} символов.',
  'invalid_request.too_big': '{field}: не более {max}.',
  'invalid_request.too_small': '{field}: не менее {min}.',
  'invalid_request.too_many': '{field}: не более {max} элементов.',
  'invalid_request.too_few': '{field}: не менее {min} элементов.',
  'invalid_request.type': '{field}: ожидается {expected}.',
  'invalid_request.required': '{field}: обязательное поле.',
  'invalid_request.choice': '{field}: допустимые значения: {options}.',
  'invalid_request.format': '{field}: недопустимый {format}.',
  'invalid_request.unknown_keys': '{field}: неизвестное поле {keys}.',
  'invalid_request.rule': '{field}: {rule}',
  'invalid_request.whole': '{field}: должно быть целым числом.',
  'invalid_request.between': '{field}: должно быть от {min} до {max}.',
  'invalid_request.base64': '{field}: должен быть текст в base64 (префикс data: URL и переносы строк допустимы).',
  'invalid_request.image_source':
    '{field}: должно указывать картинку чата («ref»), прежний результат («job») или содержать картинку («data» в base64, с «mime»).',
  'invalid_request.reference_source':
    '{field}: должно указывать картинку чата («ref») или содержать картинку («data» в base64, с «mime»).',
  'invalid_request.mask_shape':
    '{field}: должна быть PNG в base64 или сырая маска («format»: «raw», «width», «height», «data»).',
  'invalid_request.mask_encoding': '{field}: должно быть «deflate» или отсутствовать.',
  'invalid_request.mask_deflate': '{field}: должны быть данные deflate (zlib) ровно на ширину x высоту байт.',
  'invalid_request.mask_size': '{field}: должно быть ровно ширина x высота байт (один байт на пиксель).',
  'invalid_request.crop_outside': '{field}: кадрирование должно лежать внутри картинки.',
  'invalid_request.params_object': '{field}: должен быть объект с полями модели.',
  'invalid_request.finetune_id': '{field}: должен быть ID файнтюна из панели BFL (буквы, цифры, _ и -).',
  'invalid_request.needs_instruction':
    '{field}: {model} нужна инструкция: напишите, что должно измениться на картинке.',
  'invalid_request.outpaint_canvas':
    '{field}: {model} нужен холст: width и height (от 64 px) и где на нём картинка (reference_offset_x, reference_offset_y; без них — по центру).',
  'invalid_request.references_max':
    '{field}: {model} принимает кроме картинки не больше {max} референсов (получено {count}).',
  'invalid_request.references_none': '{field}: {model} не принимает референсы.',
  'invalid_request.output_format': '{field}: {model} не выдаёт {format}; выберите один из форматов: {formats}.',
  'invalid_request.model_field': '{field}: у {model} нет поля {keys}.',
  'invalid_request.http_url': '{field}: должен быть http(s)-URL вроде {example}.',
  'invalid_request.protocol':
    '{field}: этот сайдкар говорит на протоколе моста {protocol}: обновите функцию FLUX Inpaint, чтобы они совпадали.',
  'invalid_request.nonce': '{field}: должно быть от 16 до 128 символов, безопасных для URL.',
  'invalid_request.ref':
    '{field}: "ref" указывает на изображение из чата Open WebUI и работает только в редакторе этого чата; отправьте "data" (base64) или "job".',
  'invalid_request.expand_none': 'Для расширения хотя бы одна сторона должна быть больше 0.',
  'rate_limited.challenges':
    'Слишком много запросов сеанса с {ip}: не более {max} в минуту (FLUX_INPAINT_CHALLENGE_LIMIT). Повторите через {seconds} с.',
  'rate_limited.sessions':
    'Слишком много сеансов Inpaint: не более {max} в минуту (FLUX_INPAINT_RATE_LIMIT). Повторите через {seconds} с.',
  'rate_limited.jobs':
    'Слишком много новых задач: не более {max} в минуту (FLUX_INPAINT_RATE_LIMIT). Повторите через {seconds} с.',
  'settings_invalid.field': 'Настройка редактора {field} отклонена: сбросьте настройки в редакторе.',
  'settings_invalid.too_large': 'Настройки редактора слишком велики: сбросьте их в редакторе.',
  user_invalid: 'Чтобы сохранить настройки, нужен id пользователя длиной от 1 до {max} символов.',
  'provider_unavailable.flux': 'Провайдер FLUX недоступен: запустите sidecar с заданным FLUX_API_KEY.',
  'provider_unavailable.disabled': 'Провайдер "{provider}" не включён (FLUX_INPAINT_PROVIDER).',
  'result_gone.deleted':
    'Результата задачи {id} больше нет на диске (удалён или убран по истечении FLUX_INPAINT_KEEP_RESULTS_DAYS). Отправьте правку снова, чтобы получить новый.',
  disk_full: 'Диск с папкой данных sidecar заполнен: освободите место (или перенесите FLUX_INPAINT_DATA_DIR).',
  data_dir_not_writable:
    'sidecar не может писать в свою папку данных ({reason}): дайте пользователю, от имени которого работает sidecar, право записи в FLUX_INPAINT_DATA_DIR.',
  storage_error: 'sidecar не удалось записать в свою папку данных ({reason}).',
  image_empty: 'Изображение пустое.',
  'image_empty.mask': 'Файл маски пустой.',
  'image_empty.reference': 'Референс {n} пустой.',
  image_too_large:
    'Изображение весит {size} МБ; предел — {limit} МБ (FLUX_INPAINT_MAX_IMAGE_MB). Используйте изображение поменьше.',
  'image_too_large.mask': 'Маска весит {size} МБ; предел — {limit} МБ (FLUX_INPAINT_MAX_IMAGE_MB).',
  'image_too_large.reference':
    'Референс {n} весит {size} МБ; предел — {limit} МБ (FLUX_INPAINT_MAX_IMAGE_MB). Используйте изображение поменьше.',
  'image_too_large.link': 'Изображение на {host} больше допустимого (FLUX_INPAINT_MAX_IMAGE_MB).',
  image_too_many_pixels:
    'В изображении больше {mp} мегапикселей (FLUX_INPAINT_MAX_IMAGE_MP). Используйте изображение поменьше.',
  'image_too_many_pixels.mask': 'В маске больше {mp} мегапикселей (FLUX_INPAINT_MAX_IMAGE_MP).',
  'image_too_many_pixels.reference':
    'В референсе {n} больше {mp} мегапикселей (FLUX_INPAINT_MAX_IMAGE_MP). Используйте изображение поменьше.',
  image_unreadable: 'Изображение — не читаемый файл PNG, JPEG или WebP.',
  'image_unreadable.mask': 'Маска — не читаемый файл PNG, JPEG или WebP.',
  'image_unreadable.reference': 'Референс {n} — не читаемый файл PNG, JPEG или WebP.',
  'image_unreadable.data_url': 'Изображение в чате — неподдерживаемый data:-URL.',
  image_unsupported: 'Изображение должно быть в PNG, JPEG или WebP (получено: {format}).',
  'image_unsupported.mask': 'Маска должна быть в PNG, JPEG или WebP (получено: {format}).',
  'image_unsupported.reference': 'Референс {n} должен быть в PNG, JPEG или WebP (получено: {format}).',
  'image_unsupported.link': 'Ссылка на {host} ведёт не на изображение ({type}).',
  mask_aspect_mismatch:
    'Маска {mask}, а изображение {image}: у них должны быть одинаковые пропорции. Перезагрузите редактор и закрасьте снова.',
  'invalid_mask.size': 'Маска {mask}, а изображение {image}; отправьте маску размером с изображение.',
  'invalid_image.channels': 'После преобразования ожидалось изображение с {expected} канал(ами), а в нём {got}.',
  'image_not_found.gone': '{field}: это изображение больше недоступно: перезагрузите редактор.',
  'image_not_found.job': 'Чтобы изменить прежний результат, нажмите Inpaint под ним в чате.',
  'image_fetch_failed.redirects': 'Ссылка на изображение перенаправляет слишком много раз.',
  'image_fetch_failed.network': 'Не удалось загрузить изображение с {host}: {reason}',
  'image_fetch_failed.http': 'Не удалось загрузить изображение с {host} (HTTP {status}).',
  image_fetch_timeout:
    'Изображение с {host} не пришло за {seconds} с; этот сервер слишком медленный. Сохраните изображение и загрузите его в редактор.',
  'image_url_refused.invalid': 'Чат ссылается на "{link}", но это недопустимая ссылка.',
  'image_url_refused.redirect': '{host} перенаправляет на "{link}", но это недопустимая ссылка.',
  'image_url_refused.scheme': 'Ссылка на изображение {origin} не загружена: загружаются только ссылки http и https.',
  'image_url_refused.credentials':
    'Ссылка на изображение {origin} не загружена: ссылки с учётными данными не загружаются.',
  'image_url_refused.private': 'Ссылка на изображение {origin} не загружена: она ведёт в частную сеть.',
  'expand_too_large.local':
    'После расширения получилось бы изображение {size} ({mp} мегапикселей); локальный провайдер справляется максимум с {max}. Расширьте меньше или используйте изображение поменьше.',
  'unsupported.local': 'Локальный провайдер не умеет {model}; задайте FLUX_API_KEY, чтобы использовать FLUX.',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}: там нет файла. Скачайте модель (npm run download-model -- lama) и укажите её в FLUX_INPAINT_LOCAL_MODEL или уберите настройку, чтобы использовать классическую заливку.',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} не удалось загрузить как модель ONNX ({detail}). Возможно, файл неполный или повреждён: скачайте его снова (npm run download-model -- lama проверяет его) или уберите FLUX_INPAINT_LOCAL_MODEL, чтобы использовать классическую заливку.',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} — не модель инпейнтинга, которую может запустить этот sidecar: {detail}. Используйте экспорт LaMa или MI-GAN (README: "Model fill") или уберите FLUX_INPAINT_LOCAL_MODEL, чтобы использовать классическую заливку.',
  'local_model_unsupported.output':
    'Модель из FLUX_INPAINT_LOCAL_MODEL вернула {got} значений вместо {expected} (3 x {height} x {width}). Используйте экспорт LaMa или MI-GAN или уберите FLUX_INPAINT_LOCAL_MODEL, чтобы использовать классическую заливку.',
  local_model_timeout:
    'Модель из FLUX_INPAINT_LOCAL_MODEL={file} работала дольше FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} с. Увеличьте значение, возьмите модель поменьше (MI-GAN) или уберите FLUX_INPAINT_LOCAL_MODEL, чтобы использовать классическую заливку.',
  flux_unreachable: 'FLUX по адресу {origin} недоступен ({reason}): проверьте сеть и FLUX_API_URL.',
  flux_connection_lost: 'Соединение с FLUX по адресу {origin} оборвалось ({reason}).',
  'flux_untrusted_polling_url.not_url': 'FLUX вернул адрес опроса, который не является URL ({url}).',
  flux_untrusted_polling_url:
    'FLUX вернул адрес опроса на {origin}, который не относится к {api}; API-ключ туда не отправляется.',
  flux_no_polling_url:
    'FLUX принял задачу (задача {id}), но не дал polling_url для отслеживания, поэтому результат получить нельзя. Возможно, за неё списали оплату: проверьте на {dashboard}.',
  'flux_bad_response.not_json': 'FLUX по адресу {origin} ответил не ожидаемым JSON; попробуйте снова.',
  'result_not_image.type': 'Результат — не изображение (content-type "{type}").',
  'result_not_image.data':
    'Сервер результата прислал вместо изображения PNG, JPEG или WebP данные, которые не являются изображением; они не сохранены. Отправьте правку снова; если повторится, проверьте FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.format':
    'Сервер результата прислал вместо изображения PNG, JPEG или WebP файл типа {format}; он не сохранён. Отправьте правку снова; если повторится, проверьте FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.broken':
    'Сервер результата прислал вместо изображения PNG, JPEG или WebP повреждённый файл {format}; он не сохранён. Отправьте правку снова; если повторится, проверьте FLUX_INPAINT_RESULT_HOSTS.',
  'result_too_large.pixels':
    'Результат размером {size} пикселей больше {mp} мегапикселей, которые может иметь результат FLUX; он не сохранён. Отправьте правку снова.',
  'result_host_refused.not_url': 'FLUX вернул результат на {origin}, и он не скачан: это не URL.',
  'result_host_refused.credentials':
    'FLUX вернул результат на {origin}, и он не скачан: ссылки с учётными данными не скачиваются.',
  'result_host_refused.not_listed':
    'FLUX вернул результат на {origin}, и он не скачан: хоста нет в FLUX_INPAINT_RESULT_HOSTS (строгий список, если задан; оставьте пустым, чтобы принимать любой публичный https-хост).',
  'result_host_refused.not_https': 'FLUX вернул результат на {origin}, и он не скачан: это не https.',
  'result_host_refused.private':
    'FLUX вернул результат на {origin}, и он не скачан: хост указывает на адрес частной сети; если это ваш хост, добавьте его origin в FLUX_INPAINT_PRIVATE_ORIGINS.',
  'result_download_timeout.host': 'Сервер результата {origin} не отдал результат за {seconds} с; загрузка остановлена.',
  'result_download_failed.network': 'Не удалось скачать результат с {origin} ({reason}).',
  protocol_mismatch:
    'Этот sidecar говорит на протоколе моста {protocol}: обновите функцию FLUX Inpaint в Open WebUI (Admin > Functions) до версии, поставляемой с этим sidecar.',
  'invalid_request.key_not_sealed':
    'valves.FLUX_API_KEY не запечатан ключом этого сеанса: обновите функцию FLUX Inpaint в Open WebUI.',
  'invalid_request.editor_part':
    'Редактор отправил повреждённую часть сообщения: закройте его и снова нажмите Inpaint.',
  'invalid_request.editor_parts': 'Редактор отправил несогласованные части одного сообщения: снова нажмите Inpaint.',
  'invalid_request.editor_message': 'Редактор отправил сообщение, которое не читается: снова нажмите Inpaint.',
  session_not_found: 'Нет открытого сеанса "{session}" (он завершён или sidecar перезапущен).',
  op_not_found: 'Сеанс {session} не ждёт операцию {op}.',
  'unauthorized.reply_mac': 'В ответе нет действительного X-Flux-Inpaint-Mac для этого сеанса.',
  'unauthorized.no_auth':
    'В запросе нет действительного заголовка X-Flux-Inpaint-Auth: обновите функцию FLUX Inpaint в Open WebUI до версии, подходящей к этому sidecar.',
  'unauthorized.challenge': 'Вызов сеанса неизвестен, уже использован или истёк: снова нажмите Inpaint.',
  'unauthorized.token':
    'Неверный SIDECAR_TOKEN: скопируйте токен, который sidecar вывел при первом запуске (он же в <data dir>/token), в valve SIDECAR_TOKEN.',
  bridge_timeout: 'Open WebUI не ответил на "{op}" вовремя.',
  host_script_failed: 'Передача данных редактора сломалась на странице Open WebUI: {reason}.',
  'host_script_failed.silent': 'Передача данных редактора сломалась на странице Open WebUI: ответа нет.',
  unknown_method: 'sidecar не знает "{method}".',
  translation_empty: 'Модель чата не дала пригодного перевода.',
  'owui_not_found.image_file': 'Файла этой картинки нет в хранилище Open WebUI.',
  'owui_not_found.file': 'Этой картинки нет среди файлов Open WebUI (возможно, её удалили).',
  'owui_not_found.parent': 'Сообщения, на которое нужно ответить, больше нет в чате.',
  'owui_forbidden.not_owui_image': 'Читаются только картинки Open WebUI (/api/v1/files, id файлов, /cache).',
  'owui_forbidden.not_in_chat': 'Читать можно только картинки, на которые ссылается этот чат.',
  'owui_forbidden.not_shared': 'Эта картинка принадлежит другому пользователю и не открыта вам.',
  'owui_forbidden.not_added': 'Удалить можно только сообщение, добавленное этим сеансом.',
  'owui_invalid.image_file': 'Эта картинка слишком велика или не является файлом PNG, JPEG или WebP.',
  'owui_invalid.not_image': 'Этот файл не картинка PNG, JPEG или WebP.',
  'owui_invalid.save_type': 'Сохраняются только картинки PNG, JPEG или WebP (тип и содержимое совпадают).',
  'owui_unsupported.no_page': 'К этому действию не подключена страница браузера.',
  'owui_unsupported.remove': 'Open WebUI до 0.10 не умеет удалять сообщения.',
  'owui_failed.record_file': 'Open WebUI не смог записать картинку в свои файлы.',
  'owui_failed.no_answer': 'Модель не ответила (это чат-модель, которая умеет отвечать без потоковой передачи?).',
  'owui_failed.write_message': 'Open WebUI не смог записать сообщение в чат.',
  'owui_timeout.page': 'Страница браузера не ответила вовремя.',
  'owui_unknown_op.update': 'Функция не знает эту операцию: обновите её до версии сайдкара.',
  'owui_failed.exception': 'Функция FLUX Inpaint дала сбой внутри Open WebUI ({detail}).',
  'owui_invalid.no_url': 'Open WebUI сохранил изображение, но не вернул пригодный URL.',
  'owui_invalid.no_data': 'Open WebUI не вернул данные изображения.',
  'tool_image_not_found.too_few':
    'Ни одно изображение в этом чате не подходит под "{which}" (их всего {count}). В чате {count}: {list}. Уточните, какое, или используйте which="latest".',
  'tool_image_not_found.no_words':
    'Ни одно изображение в этом чате не подходит под "{which}" (ни одно не описано этими словами). В чате {count}: {list}. Уточните, какое, или используйте which="latest".',
  'invalid_request.below': '{field}: меньше {max}.',
  'invalid_request.above': '{field}: больше {min}.',
  'unauthorized.wrong_token':
    'Неверный токен: используйте токен, который sidecar вывел при первом запуске (он же в его папке данных, файл "token"), или FLUX_INPAINT_TOKEN.',
  'unauthorized.missing_token':
    'Нет токена: отправьте "Authorization: Bearer <token>" (токен, который sidecar вывел при первом запуске).',
  'invalid_request.job_id': '{field}: это не id задачи.',

  // Jobs and the data dir lock
  job_not_found: 'Нет задачи с id «{id}».',
  result_not_ready: 'У задачи {id} ещё нет результата (состояние: {state}).',
  job_inputs_missing: 'Входные данные задачи {id} пропали из каталога данных: отправьте правку заново.',
  'job_entry_unknown.retired':
    'Эта задача, «{prompt}», запрашивала {model}, которую эта версия больше не предлагает. Она не дошла до FLUX, поэтому ничего не списано: отправьте правку заново с другой моделью.',
  'job_entry_unknown.fields':
    'Эта задача, «{prompt}», сохранена прежней версией со значением, которое эта версия не принимает ({field}). Она не дошла до FLUX, поэтому ничего не списано: отправьте правку снова.',
  'job_entry_unknown.other_version':
    'Эта задача, «{prompt}», записана другой версией sidecar (состояние «{state}») и была завершена: посмотрите {dashboard}, прежде чем отправлять её снова, за неё могли списать оплату.',
  data_dir_in_use:
    'Другой sidecar flux-inpaint (pid {pid}) использует каталог данных {dir}: сначала остановите его или задайте этому свой FLUX_INPAINT_DATA_DIR.',
  'data_dir_in_use.unknown_pid':
    'Другой sidecar flux-inpaint использует каталог данных {dir}: сначала остановите его или задайте этому свой FLUX_INPAINT_DATA_DIR.',
};
