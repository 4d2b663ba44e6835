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
  flux_bad_request: 'FLUX 拒绝了请求（400）{detail}。请检查提示词和参数。',
  flux_validation: 'FLUX 拒绝了参数（422）{detail}。',
  'flux_validation.fields': 'FLUX 拒绝了 {fields}（422）：请修改后重新发送。',
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
};
