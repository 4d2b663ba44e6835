import type { ErrorCatalogue } from './index.js';

export const zhCN: ErrorCatalogue = {
  shutting_down: 'Sidecar 正在关闭：请在它恢复后重新发送（正在运行的任务会在它重新启动时继续）。',
  cancelled: '已取消。',
  mask_required: '需要蒙版：请涂抹图像中要修改的部分。',
  mask_empty: '蒙版为空：请涂抹图像中要修改的部分，然后重新发送。',
  mask_full: '蒙版覆盖了整张图像，没有可用于填充的内容：请保留部分图像不涂抹。',
  crop_too_small: '裁剪区域小于 16x16 像素：请选择更大的区域。',
  flux_key_missing:
    '没有 FLUX API 密钥：请在 FLUX Inpaint 函数的 valves 中设置 FLUX_API_KEY（Admin > Functions），或使用它启动 sidecar。',
  flux_forbidden: 'FLUX 拒绝了 API 密钥（{status}）：请检查 FLUX_API_KEY，或在 {dashboard} 创建密钥',
  flux_out_of_credits: 'FLUX 账户的额度已用完（402）：请在 {dashboard} 充值后重新发送。',
  'flux_out_of_credits.low':
    '你的 FLUX 余额为 {balance} 积分；{model} 至少需要 {needed}。FLUX 可能会拒绝此任务（402）：请在 {dashboard} 充值。',
  flux_bad_request: 'FLUX 拒绝了请求（400）{detail}。请检查提示词和参数。',
  flux_validation: 'FLUX 拒绝了参数（422）{detail}。',
  'flux_validation.fields': 'FLUX 拒绝了 {fields}（422）：请修改后重新发送。',
  'flux_model_unavailable.model':
    'FLUX 在 {url} 没有“{model}”端点（404）：API 可能已停用此模型。请选择其他模型，或检查 FLUX_API_URL。',
  'flux_model_unavailable.url':
    'FLUX 在 {url} 没有端点（404）：API 可能已停用此模型。请选择其他模型，或检查 FLUX_API_URL。',
  'flux_rate_limited.gave_up_unsent':
    '已放弃：此 API 密钥在 FLUX 上的活动任务过多（429），FLUX 要求等待 {wait} 秒，超过了此任务的时间预算 {budget} 秒（POLL_INTERVAL x MAX_POLL_ATTEMPTS）。任务未发送，因此没有扣费。请在运行的任务减少后重新发送，或提高预算。',
  'flux_rate_limited.gave_up_sent':
    '已放弃：此 API 密钥在 FLUX 上的活动任务过多（429），FLUX 要求等待 {wait} 秒，超过了此任务的时间预算 {budget} 秒（POLL_INTERVAL x MAX_POLL_ATTEMPTS）。任务已被接受（并已扣费），但未能及时取回结果。请在运行的任务减少后重新发送，或提高预算。',
  'result_download_timeout.budget':
    '结果主机 {origin} 未在任务的 {seconds} 秒（POLL_INTERVAL x MAX_POLL_ATTEMPTS）内交付结果，因此已停止下载。',
  'invalid_request.outpaint_cuts':
    '离线时，Outpaint 只能在整张图片周围添加画布：请拖动边框使其包含整张图片，或使用 FLUX。',
  'invalid_request.outpaint_empty': 'Outpaint 需要比图片更大的边框：请向外拖动边框的边缘。',
  'flux_rate_limited.retrying': '此 API 密钥在 FLUX 上的活动任务过多（429）；约 {seconds} 秒后重试。',
  flux_server_error: 'FLUX 发生服务器错误（{status}）。请一分钟后重试。',
  flux_http_error: 'FLUX 返回了 HTTP {status}{detail}。',
  flux_timeout: 'FLUX 未在 {seconds} 秒内完成（POLL_INTERVAL x MAX_POLL_ATTEMPTS）。请调高这两个值，或稍后重新发送。',
  flux_request_moderated:
    'FLUX 拒绝了输入图像或提示词（Request Moderated）。请修改提示词或图像，或调高 SAFETY_TOLERANCE（0 最严格）。是否计费没有文档说明：请查看 {dashboard}。',
  'flux_request_moderated.reasons':
    'FLUX 拒绝了输入图像或提示词（Request Moderated）（给出的原因：{reasons}）。请修改提示词或图像，或调高 SAFETY_TOLERANCE（0 最严格）。是否计费没有文档说明：请查看 {dashboard}。',
  flux_content_moderated:
    'FLUX 生成了图像但未予提供（Content Moderated）。请换一个提示词，或调高 SAFETY_TOLERANCE（0 最严格）。是否计费没有文档说明：请查看 {dashboard}。',
  'flux_content_moderated.reasons':
    'FLUX 生成了图像但未予提供（Content Moderated）（给出的原因：{reasons}）。请换一个提示词，或调高 SAFETY_TOLERANCE（0 最严格）。是否计费没有文档说明：请查看 {dashboard}。',
  flux_task_error: 'FLUX 未能生成图像（{status}）。请重新发送编辑。',
  'flux_task_error.reasons': 'FLUX 未能生成图像（{status}）：{reasons}。请重新发送编辑。',
  flux_task_not_found:
    'FLUX 已不再识别此任务（Task not found）：它已过期（结果约保留 10 分钟），或是在错误的区域查询的。如果 FLUX_API_URL 指定了区域（api.eu.bfl.ai、api.us.bfl.ai），请确认它是密钥所属的区域；然后重新发送编辑。',
  result_expired: '结果链接在下载前已过期（HTTP {status}）。请重新发送编辑。',
  'flux_bad_response.no_link': 'FLUX 报告图像已就绪，但没有提供下载链接；请重新发送。',
  'result_download_failed.http': '下载结果失败，HTTP {status}。',
  result_truncated: '结果下载提前结束（{received} / {declared} 字节）。',
  result_too_large: '结果大于 {mb} MB（FLUX_INPAINT_MAX_RESULT_MB）。',
  tool_no_image: '此对话中没有可编辑的图片：请先上传一张（或让模型生成一张），然后再提出请求。',
  bridge_closed: 'Open WebUI 关闭了与 sidecar 的连接。',
  bridge_ended: '会话已结束。',
  page_gone: 'Open WebUI 页面已停止响应（标签页已关闭或重新加载）。',
  invalid_json: '请求正文不是有效的 JSON。',
  'invalid_json.detail': '正文不是有效的 JSON：{detail}',
  request_too_large: '请求太大：请使用更小的图像（FLUX_INPAINT_MAX_IMAGE_MB）。',
  'request_too_large.editor': '编辑器一次发送了超过 {mb} MB 的数据：请使用更小的图像或更少的参考图。',
  unsupported_media_type: '请以 JSON（application/json）或 multipart/form-data 发送。',
  method_not_allowed: '{path} 不接受 {method}；可用的是 {allowed}。',
  not_found: '没有路由 {method} {path}。',
  'internal_error.sidecar': 'sidecar 中出现意外错误；详情见其日志。',
  'invalid_request.empty_body': '请求正文为空或长度不正确。',
  'invalid_request.multipart': 'multipart 正文格式错误（{detail}）：请重新发送这些字段。',
  'invalid_request.url': '请求的 URL 或请求头无效（{reason}）。',
  'invalid_request.too_long': '{field}：最多 {max} 个字符。',
  'invalid_request.too_short': '{field}：至少 {min} 个字符。',
  'invalid_request.too_big': '{field}：最大为 {max}。',
  'invalid_request.too_small': '{field}：最小为 {min}。',
  'invalid_request.too_many': '{field}：最多 {max} 项。',
  'invalid_request.too_few': '{field}：至少 {min} 项。',
  'invalid_request.type': '{field}：应为 {expected}。',
  'invalid_request.required': '{field}：必填。',
  'invalid_request.choice': '{field}：必须是以下之一：{options}。',
  'invalid_request.format': '{field}：不是有效的 {format}。',
  'invalid_request.unknown_keys': '{field}：未知字段 {keys}。',
  'invalid_request.rule': '{field}：{rule}',
  'invalid_request.whole': '{field}：必须是整数。',
  'invalid_request.between': '{field}：必须在 {min} 到 {max} 之间。',
  'invalid_request.base64': '{field}：必须是 base64 文本（可带 data: URL 前缀和换行）。',
  'invalid_request.image_source':
    '{field}：必须指明聊天中的图片（"ref"）、之前的结果（"job"），或携带图片（"data"，base64，附 "mime"）。',
  'invalid_request.reference_source':
    '{field}：必须指明聊天中的图片（"ref"），或携带图片（"data"，base64，附 "mime"）。',
  'invalid_request.mask_shape':
    '{field}：必须是 base64 PNG，或原始蒙版（"format": "raw"、"width"、"height"、"data"）。',
  'invalid_request.mask_encoding': '{field}：必须是 "deflate" 或省略。',
  'invalid_request.mask_deflate': '{field}：必须是恰好 宽 x 高 字节的 deflate（zlib）数据。',
  'invalid_request.mask_size': '{field}：必须恰好是 宽 x 高 字节（每像素一个字节）。',
  'invalid_request.crop_outside': '{field}：裁剪区域必须在图片之内。',
  'invalid_request.params_object': '{field}：必须是包含模型字段的对象。',
  'invalid_request.finetune_id': '{field}：必须是 BFL 控制台中的微调 ID（字母、数字、_ 和 -）。',
  'invalid_request.needs_instruction': '{field}：{model} 需要一条指令：请写出图片中要改变什么。',
  'invalid_request.outpaint_canvas':
    '{field}：{model} 需要画布：width 和 height（至少 64 px），以及图片在画布上的位置（reference_offset_x、reference_offset_y；省略则居中）。',
  'invalid_request.references_max': '{field}：{model} 除原图外最多接受 {max} 张参考图（收到 {count} 张）。',
  'invalid_request.references_none': '{field}：{model} 不接受参考图。',
  'invalid_request.output_format': '{field}：{model} 无法输出 {format}；请从 {formats} 中选择。',
  'invalid_request.model_field': '{field}：{model} 没有字段 {keys}。',
  'invalid_request.http_url': '{field}：必须是类似 {example} 的 http(s) URL。',
  'invalid_request.protocol': '{field}：此 sidecar 使用桥接协议 {protocol}：请更新 FLUX Inpaint 函数使两者一致。',
  'invalid_request.nonce': '{field}：必须是 16 到 128 个 URL 安全字符。',
  'invalid_request.ref':
    '{field}："ref" 指向 Open WebUI 聊天中的图片，只能在该聊天的编辑器中使用；请发送 "data"（base64）或 "job"。',
  'invalid_request.expand_none': '扩展需要至少一条边大于 0。',
  'rate_limited.challenges':
    '来自 {ip} 的会话质询过多：每分钟最多 {max} 次（FLUX_INPAINT_CHALLENGE_LIMIT）。请在 {seconds} 秒后重试。',
  'rate_limited.sessions':
    'Inpaint 会话过多：每分钟最多 {max} 次（FLUX_INPAINT_RATE_LIMIT）。请在 {seconds} 秒后重试。',
  'rate_limited.jobs': '新任务过多：每分钟最多 {max} 个（FLUX_INPAINT_RATE_LIMIT）。请在 {seconds} 秒后重试。',
  'settings_invalid.field': '编辑器设置 {field} 被拒绝：请在编辑器中重置设置。',
  'settings_invalid.too_large': '编辑器设置过大：请在编辑器中重置。',
  user_invalid: '保存设置需要 1 到 {max} 个字符的用户 ID。',
  'provider_unavailable.flux': 'FLUX 提供方不可用：请在设置了 FLUX_API_KEY 的情况下启动 sidecar。',
  'provider_unavailable.disabled': '提供方 "{provider}" 未启用（FLUX_INPAINT_PROVIDER）。',
  'result_gone.deleted':
    '任务 {id} 的结果已不在磁盘上（已删除，或在 FLUX_INPAINT_KEEP_RESULTS_DAYS 后被清除）。请重新发送编辑以生成新结果。',
  disk_full: '存放 sidecar 数据目录的磁盘已满：请释放空间（或移动 FLUX_INPAINT_DATA_DIR）。',
  data_dir_not_writable:
    'sidecar 无法写入其数据目录（{reason}）：请让运行 sidecar 的用户可以写入 FLUX_INPAINT_DATA_DIR。',
  storage_error: 'sidecar 未能写入其数据目录（{reason}）。',
  image_empty: '图像为空。',
  'image_empty.mask': '蒙版文件为空。',
  'image_empty.reference': '参考图 {n} 为空。',
  image_too_large: '图像为 {size} MB；上限为 {limit} MB（FLUX_INPAINT_MAX_IMAGE_MB）。请使用更小的图像。',
  'image_too_large.mask': '蒙版为 {size} MB；上限为 {limit} MB（FLUX_INPAINT_MAX_IMAGE_MB）。',
  'image_too_large.reference':
    '参考图 {n} 为 {size} MB；上限为 {limit} MB（FLUX_INPAINT_MAX_IMAGE_MB）。请使用更小的图像。',
  'image_too_large.link': '{host} 上的图像超过了上限（FLUX_INPAINT_MAX_IMAGE_MB）。',
  image_too_many_pixels: '图像超过 {mp} 百万像素（FLUX_INPAINT_MAX_IMAGE_MP）。请使用更小的图像。',
  'image_too_many_pixels.mask': '蒙版超过 {mp} 百万像素（FLUX_INPAINT_MAX_IMAGE_MP）。',
  'image_too_many_pixels.reference': '参考图 {n} 超过 {mp} 百万像素（FLUX_INPAINT_MAX_IMAGE_MP）。请使用更小的图像。',
  image_unreadable: '图像不是可读取的 PNG、JPEG 或 WebP 图像。',
  'image_unreadable.mask': '蒙版不是可读取的 PNG、JPEG 或 WebP 图像。',
  'image_unreadable.reference': '参考图 {n} 不是可读取的 PNG、JPEG 或 WebP 图像。',
  'image_unreadable.data_url': '聊天中的图像是不受支持的 data: URL。',
  image_unsupported: '图像必须是 PNG、JPEG 或 WebP（收到的是 {format}）。',
  'image_unsupported.mask': '蒙版必须是 PNG、JPEG 或 WebP（收到的是 {format}）。',
  'image_unsupported.reference': '参考图 {n} 必须是 PNG、JPEG 或 WebP（收到的是 {format}）。',
  'image_unsupported.link': '{host} 上的链接不是图像（{type}）。',
  mask_aspect_mismatch: '蒙版为 {mask}，而图像为 {image}：两者的宽高比必须相同。请重新加载编辑器并重新涂抹。',
  'invalid_mask.size': '蒙版为 {mask}，而图像为 {image}；请发送与图像同样大小的蒙版。',
  'invalid_image.channels': '转换后应为 {expected} 个通道的图像，实际为 {got} 个。',
  'image_not_found.gone': '{field}：该图片已不可用：请重新加载编辑器。',
  'image_not_found.job': '要编辑之前的结果，请在聊天中点击它下方的 Inpaint。',
  'image_fetch_failed.redirects': '图像链接重定向次数过多。',
  'image_fetch_failed.network': '无法从 {host} 加载图像：{reason}',
  'image_fetch_failed.http': '无法从 {host} 加载图像（HTTP {status}）。',
  image_fetch_timeout: '{host} 上的图像未在 {seconds} 秒内到达；该服务器太慢。请保存图像并改为在编辑器中加载。',
  'image_url_refused.invalid': '聊天链接到 "{link}"，这不是有效的链接。',
  'image_url_refused.redirect': '{host} 重定向到 "{link}"，这不是有效的链接。',
  'image_url_refused.scheme': '未加载图像链接 {origin}：只加载 http 和 https 链接。',
  'image_url_refused.credentials': '未加载图像链接 {origin}：不加载带凭据的链接。',
  'image_url_refused.private': '未加载图像链接 {origin}：它指向私有网络。',
  'expand_too_large.local':
    '扩展后将得到 {size} 的图像（{mp} 百万像素）；本地提供方最多处理 {max}。请少扩展一些，或使用更小的图像。',
  'unsupported.local': '本地提供方无法执行 {model}；请设置 FLUX_API_KEY 以使用 FLUX。',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}：该位置没有文件。请下载模型（npm run download-model -- lama）并让 FLUX_INPAINT_LOCAL_MODEL 指向它，或取消该设置以使用经典填充。',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} 无法作为 ONNX 模型加载（{detail}）。文件可能不完整或已损坏：请重新下载（npm run download-model -- lama 会校验它），或取消 FLUX_INPAINT_LOCAL_MODEL 以使用经典填充。',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} 不是此 sidecar 能运行的修复模型：{detail}。请使用 LaMa 或 MI-GAN 导出的模型（README："Model fill"），或取消 FLUX_INPAINT_LOCAL_MODEL 以使用经典填充。',
  'local_model_unsupported.output':
    'FLUX_INPAINT_LOCAL_MODEL 中的模型返回了 {got} 个值，而不是 {expected} 个（3 x {height} x {width}）。请使用 LaMa 或 MI-GAN 导出的模型，或取消 FLUX_INPAINT_LOCAL_MODEL 以使用经典填充。',
  local_model_timeout:
    'FLUX_INPAINT_LOCAL_MODEL={file} 中的模型运行超过了 FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} 秒。请调高该设置、使用更小的模型（MI-GAN），或取消 FLUX_INPAINT_LOCAL_MODEL 以使用经典填充。',
  flux_unreachable: '无法连接位于 {origin} 的 FLUX（{reason}）：请检查网络和 FLUX_API_URL。',
  flux_connection_lost: '与位于 {origin} 的 FLUX 的连接已中断（{reason}）。',
  'flux_untrusted_polling_url.not_url': 'FLUX 返回的轮询 URL 不是 URL（{url}）。',
  flux_untrusted_polling_url: 'FLUX 返回的轮询 URL 位于 {origin}，不属于 {api}；不会把 API 密钥发送到那里。',
  flux_no_polling_url:
    'FLUX 接受了任务（任务 {id}），但没有给出用于跟踪的 polling_url，因此无法获取结果。可能已经扣费：请在 {dashboard} 查看。',
  'flux_bad_response.not_json': '位于 {origin} 的 FLUX 返回的不是预期的 JSON；请重试。',
  'result_not_image.type': '结果不是图像（content-type "{type}"）。',
  'result_not_image.data':
    '结果主机发送的不是 PNG、JPEG 或 WebP 图像，而是非图像数据，因此未保留。请重新发送编辑；如果再次发生，请检查 FLUX_INPAINT_RESULT_HOSTS。',
  'result_not_image.format':
    '结果主机发送的不是 PNG、JPEG 或 WebP 图像，而是 {format} 类型的文件，因此未保留。请重新发送编辑；如果再次发生，请检查 FLUX_INPAINT_RESULT_HOSTS。',
  'result_not_image.broken':
    '结果主机发送的不是 PNG、JPEG 或 WebP 图像，而是损坏的 {format} 文件，因此未保留。请重新发送编辑；如果再次发生，请检查 FLUX_INPAINT_RESULT_HOSTS。',
  'result_too_large.pixels': '结果为 {size} 像素，超过 FLUX 结果可能的 {mp} 百万像素，因此未保留。请重新发送编辑。',
  'result_host_refused.not_url': 'FLUX 返回了位于 {origin} 的结果，未下载：它不是 URL。',
  'result_host_refused.credentials': 'FLUX 返回了位于 {origin} 的结果，未下载：不下载带凭据的链接。',
  'result_host_refused.not_listed':
    'FLUX 返回了位于 {origin} 的结果，未下载：它不在 FLUX_INPAINT_RESULT_HOSTS 中（设置后为严格列表；留空则接受任何公共 https 主机）。',
  'result_host_refused.not_https': 'FLUX 返回了位于 {origin} 的结果，未下载：它不是 https。',
  'result_host_refused.private':
    'FLUX 返回了位于 {origin} 的结果，未下载：它解析为私有网络地址；如果该主机是你的，请把它的 origin 加入 FLUX_INPAINT_PRIVATE_ORIGINS。',
  'result_download_timeout.host': '结果主机 {origin} 未在 {seconds} 秒内交付结果，下载已停止。',
  'result_download_failed.network': '从 {origin} 下载结果失败（{reason}）。',
  protocol_mismatch:
    '此 sidecar 使用桥接协议 {protocol}：请在 Open WebUI（Admin > Functions）中把 FLUX Inpaint 函数更新到随此 sidecar 提供的版本。',
  'invalid_request.key_not_sealed':
    'valves.FLUX_API_KEY 未用此会话的密钥封装：请更新 Open WebUI 中的 FLUX Inpaint 函数。',
  'invalid_request.editor_part': '编辑器发送了格式错误的消息片段：请关闭编辑器并再次点击 Inpaint。',
  'invalid_request.editor_parts': '编辑器发送的同一消息的各片段不一致：请再次点击 Inpaint。',
  'invalid_request.editor_message': '编辑器发送的消息无法读取：请再次点击 Inpaint。',
  session_not_found: '没有打开的会话 "{session}"（它已结束或 sidecar 已重启）。',
  op_not_found: '会话 {session} 没有在等待操作 {op}。',
  'unauthorized.reply_mac': '回复没有带此会话有效的 X-Flux-Inpaint-Mac。',
  'unauthorized.no_auth':
    '请求没有带有效的 X-Flux-Inpaint-Auth 请求头：请把 Open WebUI 中的 FLUX Inpaint 函数更新到与此 sidecar 匹配的版本。',
  'unauthorized.challenge': '会话质询未知、已使用或已过期：请再次点击 Inpaint。',
  'unauthorized.token':
    'SIDECAR_TOKEN 错误：请把 sidecar 首次启动时显示的令牌（也在 <data dir>/token 中）复制到 SIDECAR_TOKEN valve。',
  bridge_timeout: 'Open WebUI 未及时回应 "{op}"。',
  host_script_failed: 'Open WebUI 页面中的编辑器中继失败：{reason}。',
  'host_script_failed.silent': 'Open WebUI 页面中的编辑器中继失败：没有回应。',
  unknown_method: 'sidecar 不认识 "{method}"。',
  translation_empty: '聊天模型没有给出可用的翻译。',
  'owui_not_found.image_file': 'Open WebUI 的存储中缺少这张图片的文件。',
  'owui_not_found.file': '这张图片不在 Open WebUI 的文件中（可能已被删除）。',
  'owui_not_found.parent': '要回复的消息已不在聊天中。',
  'owui_forbidden.not_owui_image': '只读取 Open WebUI 的图片（/api/v1/files、文件 ID、/cache）。',
  'owui_forbidden.not_in_chat': '只能读取此聊天中引用的图片。',
  'owui_forbidden.not_shared': '这张图片属于其他用户，且未与你共享。',
  'owui_forbidden.not_added': '只能移除本次会话添加的消息。',
  'owui_invalid.image_file': '这张图片太大，或不是 PNG、JPEG 或 WebP 文件。',
  'owui_invalid.not_image': '此文件不是 PNG、JPEG 或 WebP 图片。',
  'owui_invalid.save_type': '只保存 PNG、JPEG 或 WebP 图片（类型与内容一致）。',
  'owui_unsupported.no_page': '没有浏览器页面连接到此操作。',
  'owui_unsupported.remove': '0.10 之前的 Open WebUI 无法移除消息。',
  'owui_failed.record_file': 'Open WebUI 无法在其文件中记录这张图片。',
  'owui_failed.no_answer': '模型没有回答（它是能在非流式模式下回答的聊天模型吗？）。',
  'owui_failed.write_message': 'Open WebUI 无法将消息写入聊天。',
  'owui_timeout.page': '浏览器页面没有及时响应。',
  'owui_unknown_op.update': '此函数不认识该操作：请将它更新到与 sidecar 相同的版本。',
  'owui_failed.exception': 'FLUX Inpaint 函数在 Open WebUI 中出错（{detail}）。',
  'owui_invalid.no_url': 'Open WebUI 保存了图像，但没有返回可用的 URL。',
  'owui_invalid.no_data': 'Open WebUI 没有返回图像数据。',
  'tool_image_not_found.too_few':
    '此聊天中没有与 "{which}" 匹配的图片（只有 {count} 张）。聊天中有 {count} 张：{list}。请询问是哪一张，或使用 which="latest"。',
  'tool_image_not_found.no_words':
    '此聊天中没有与 "{which}" 匹配的图片（没有图片是用这些词描述的）。聊天中有 {count} 张：{list}。请询问是哪一张，或使用 which="latest"。',
  'invalid_request.below': '{field}：必须小于 {max}。',
  'invalid_request.above': '{field}：必须大于 {min}。',
  'unauthorized.wrong_token':
    '令牌错误：请使用 sidecar 首次启动时显示的令牌（也在其数据目录的 "token" 文件中），或 FLUX_INPAINT_TOKEN。',
  'unauthorized.missing_token': '缺少令牌：请发送 "Authorization: Bearer <token>"（sidecar 首次启动时显示的令牌）。',
  'invalid_request.job_id': '{field}：不是任务 ID。',

  // Jobs and the data dir lock
  job_not_found: '没有 id 为 "{id}" 的任务。',
  result_not_ready: '任务 {id} 还没有结果（当前状态：{state}）。',
  job_inputs_missing: '任务 {id} 的输入已不在数据目录中：请重新发送编辑。',
  'job_entry_unknown.retired':
    '此任务 "{prompt}" 要求使用 {model}，当前版本已不再提供。它从未到达 FLUX，因此没有扣费：请换一个模型重新发送编辑。',
  'job_entry_unknown.fields':
    '此任务"{prompt}"来自早期版本，其中有本版本不接受的值（{field}）。它从未到达 FLUX，因此没有扣费：请重新发送编辑。',
  'job_entry_unknown.other_version':
    '此任务 "{prompt}" 由另一个版本的 sidecar 记录（状态 "{state}"），已被结束：重新发送前请先查看 {dashboard}，它可能已被扣费。',
  data_dir_in_use:
    '另一个 flux-inpaint sidecar（pid {pid}）正在使用数据目录 {dir}：请先停止它，或为当前这个设置自己的 FLUX_INPAINT_DATA_DIR。',
  'data_dir_in_use.unknown_pid':
    '另一个 flux-inpaint sidecar 正在使用数据目录 {dir}：请先停止它，或为当前这个设置自己的 FLUX_INPAINT_DATA_DIR。',
};
