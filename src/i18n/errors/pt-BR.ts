import type { ErrorCatalogue } from './index.js';

export const ptBR: ErrorCatalogue = {
  shutting_down:
    'O sidecar está sendo encerrado: envie de novo quando ele voltar (os trabalhos em andamento continuam quando ele reiniciar).',
  cancelled: 'Cancelado.',
  mask_required: 'É preciso uma máscara: pinte sobre a parte da imagem que deve mudar.',
  mask_empty: 'A máscara está vazia: pinte sobre a parte da imagem que deve mudar e envie de novo.',
  mask_full:
    'A máscara cobre a imagem inteira, então não sobra nada para preencher a partir dela: deixe parte da imagem sem pintar.',
  crop_too_small: 'O recorte é menor que 16x16 pixels: selecione uma área maior.',
  flux_key_missing:
    'Sem chave de API do FLUX: defina FLUX_API_KEY nas valves da função FLUX Inpaint (Admin > Functions), ou inicie o sidecar com ela.',
  flux_forbidden: 'O FLUX recusou a chave de API ({status}): verifique FLUX_API_KEY, ou crie uma chave em {dashboard}',
  flux_out_of_credits: 'A conta do FLUX está sem créditos (402): recarregue em {dashboard} e envie de novo.',
  flux_bad_request: 'O FLUX rejeitou a solicitação (400){detail}. Verifique o prompt e os parâmetros.',
  flux_validation: 'O FLUX rejeitou os parâmetros (422){detail}.',
  'flux_validation.fields': 'O FLUX recusou {fields} (422): altere e envie de novo.',
  'invalid_request.outpaint_cuts':
    'Offline, o Outpaint só pode acrescentar tela ao redor da imagem inteira: arraste a moldura para que ela contenha a imagem toda, ou use o FLUX.',
  'invalid_request.outpaint_empty':
    'O Outpaint precisa de uma moldura maior que a imagem: arraste as bordas para fora.',
  'flux_rate_limited.retrying':
    'O FLUX tem tarefas ativas demais para esta chave de API (429); nova tentativa em cerca de {seconds} s.',
  flux_server_error: 'O FLUX teve um erro de servidor ({status}). Tente de novo em um minuto.',
  flux_http_error: 'O FLUX respondeu HTTP {status}{detail}.',
  flux_timeout:
    'O FLUX não terminou em {seconds} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Aumente-os, ou envie de novo mais tarde.',
  flux_request_moderated:
    'O FLUX recusou a imagem de entrada ou o prompt (Request Moderated). Mude o prompt ou a imagem, ou aumente SAFETY_TOLERANCE (0 é o mais rígido). Não está documentado se houve cobrança: veja {dashboard}.',
  'flux_request_moderated.reasons':
    'O FLUX recusou a imagem de entrada ou o prompt (Request Moderated) (motivos informados: {reasons}). Mude o prompt ou a imagem, ou aumente SAFETY_TOLERANCE (0 é o mais rígido). Não está documentado se houve cobrança: veja {dashboard}.',
  flux_content_moderated:
    'O FLUX gerou uma imagem, mas a reteve (Content Moderated). Tente outro prompt, ou aumente SAFETY_TOLERANCE (0 é o mais rígido). Não está documentado se houve cobrança: veja {dashboard}.',
  'flux_content_moderated.reasons':
    'O FLUX gerou uma imagem, mas a reteve (Content Moderated) (motivos informados: {reasons}). Tente outro prompt, ou aumente SAFETY_TOLERANCE (0 é o mais rígido). Não está documentado se houve cobrança: veja {dashboard}.',
  flux_task_error: 'O FLUX não conseguiu gerar a imagem ({status}). Envie a edição de novo.',
  'flux_task_error.reasons': 'O FLUX não conseguiu gerar a imagem ({status}): {reasons}. Envie a edição de novo.',
  flux_task_not_found:
    'O FLUX não conhece mais esta tarefa (Task not found): ela expirou (os resultados ficam guardados cerca de 10 minutos), ou foi consultada na região errada. Se FLUX_API_URL indicar uma região (api.eu.bfl.ai, api.us.bfl.ai), confira se é a da chave; depois envie a edição de novo.',
  result_expired: 'O link do resultado expirou antes de poder ser baixado (HTTP {status}). Envie a edição de novo.',
  'flux_bad_response.no_link':
    'O FLUX informou que a imagem estava pronta, mas não deu link de download; envie de novo.',
  'result_download_failed.http': 'O download do resultado falhou com HTTP {status}.',
  result_truncated: 'O download do resultado terminou antes da hora ({received} de {declared} bytes).',
  result_too_large: 'O resultado é maior que {mb} MB (FLUX_INPAINT_MAX_RESULT_MB).',
  tool_no_image:
    'Não há nenhuma imagem para editar neste chat: envie uma (ou peça que uma seja gerada) primeiro e peça de novo.',
  bridge_closed: 'O Open WebUI fechou a conexão com o sidecar.',
  bridge_ended: 'A sessão terminou.',
  page_gone: 'A página do Open WebUI parou de responder (aba fechada ou recarregada).',
};
