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
  'flux_out_of_credits.low':
    'Seu saldo no FLUX é de {balance} créditos; {model} custa pelo menos {needed}. O FLUX pode recusar o trabalho (402): recarregue em {dashboard}.',
  flux_bad_request: 'O FLUX rejeitou a solicitação (400){detail}. Verifique o prompt e os parâmetros.',
  flux_validation: 'O FLUX rejeitou os parâmetros (422){detail}.',
  'flux_validation.fields': 'O FLUX recusou {fields} (422): altere e envie de novo.',
  'flux_model_unavailable.model':
    'O FLUX não tem o endpoint "{model}" em {url} (404): a API pode ter aposentado este modelo. Escolha outro modelo ou verifique FLUX_API_URL.',
  'flux_model_unavailable.url':
    'O FLUX não tem endpoint em {url} (404): a API pode ter aposentado este modelo. Escolha outro modelo ou verifique FLUX_API_URL.',
  'flux_rate_limited.gave_up_unsent':
    'Desistimos: o FLUX tem tarefas ativas demais para esta chave de API (429) e pediu para esperar {wait} s, mais que o tempo deste trabalho, {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). O trabalho não foi enviado, então nada foi cobrado. Envie de novo quando houver menos trabalhos em andamento, ou aumente o tempo.',
  'flux_rate_limited.gave_up_sent':
    'Desistimos: o FLUX tem tarefas ativas demais para esta chave de API (429) e pediu para esperar {wait} s, mais que o tempo deste trabalho, {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). A tarefa já tinha sido aceita (e cobrada); o resultado não pôde ser obtido a tempo. Envie de novo quando houver menos trabalhos em andamento, ou aumente o tempo.',
  'result_download_timeout.budget':
    'O servidor de resultados {origin} não entregou o resultado dentro dos {seconds} s do trabalho (POLL_INTERVAL x MAX_POLL_ATTEMPTS), então o download foi interrompido.',
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
  invalid_json: 'O corpo da requisição não é um JSON válido.',
  'invalid_json.detail': 'O corpo não é um JSON válido: {detail}',
  request_too_large: 'A requisição é grande demais: use uma imagem menor (FLUX_INPAINT_MAX_IMAGE_MB).',
  'request_too_large.editor': 'O editor enviou mais de {mb} MB de uma vez: use imagens menores ou menos referências.',
  unsupported_media_type: 'Envie JSON (application/json) ou multipart/form-data.',
  method_not_allowed: '{path} não aceita {method}; aceita {allowed}.',
  not_found: 'Não há rota {method} {path}.',
  'internal_error.sidecar': 'Erro inesperado no sidecar; o log dele tem os detalhes.',
  'invalid_request.empty_body': 'O corpo da requisição está vazio ou o tamanho dele está errado.',
  'invalid_request.multipart': 'O corpo multipart está malformado ({detail}): envie os campos de novo.',
  'invalid_request.url': 'A URL ou os cabeçalhos da requisição são inválidos ({reason}).',
  'invalid_request.too_long': '{field}: no máximo {max} caracteres.',
  'invalid_request.too_short': '{field}: no mínimo {min} caracteres.',
  'invalid_request.too_big': '{field}: no máximo {max}.',
  'invalid_request.too_small': '{field}: no mínimo {min}.',
  'invalid_request.too_many': '{field}: no máximo {max} itens.',
  'invalid_request.too_few': '{field}: no mínimo {min} itens.',
  'invalid_request.type': '{field}: esperava-se {expected}.',
  'invalid_request.required': '{field}: obrigatório.',
  'invalid_request.choice': '{field}: deve ser um destes valores: {options}.',
  'invalid_request.format': '{field}: não é um {format} válido.',
  'invalid_request.unknown_keys': '{field}: campo desconhecido {keys}.',
  'invalid_request.rule': '{field}: {rule}',
  'invalid_request.whole': '{field}: deve ser um número inteiro.',
  'invalid_request.between': '{field}: deve estar entre {min} e {max}.',
  'invalid_request.base64': '{field}: deve ser texto base64 (um prefixo de URL data: e quebras de linha são aceitos).',
  'invalid_request.image_source':
    '{field}: deve nomear uma imagem do chat ("ref"), um resultado anterior ("job") ou trazer a imagem ("data", em base64, com "mime").',
  'invalid_request.reference_source':
    '{field}: deve nomear uma imagem do chat ("ref") ou trazer a imagem ("data", em base64, com "mime").',
  'invalid_request.mask_shape':
    '{field}: deve ser um PNG em base64 ou uma máscara bruta ("format": "raw", "width", "height", "data").',
  'invalid_request.mask_encoding': '{field}: deve ser "deflate" ou estar ausente.',
  'invalid_request.mask_deflate': '{field}: deve ser dados deflate (zlib) de exatamente largura x altura bytes.',
  'invalid_request.mask_size': '{field}: deve ter exatamente largura x altura bytes (um byte por pixel).',
  'invalid_request.crop_outside': '{field}: o recorte deve ficar dentro da imagem.',
  'invalid_request.params_object': '{field}: deve ser um objeto com os campos do modelo.',
  'invalid_request.finetune_id': '{field}: deve ser o ID do fine-tune do painel da BFL (letras, dígitos, _ e -).',
  'invalid_request.needs_instruction': '{field}: {model} precisa de uma instrução: escreva o que deve mudar na imagem.',
  'invalid_request.outpaint_canvas':
    '{field}: {model} precisa da tela: width e height (a partir de 64 px) e onde a imagem fica nela (reference_offset_x, reference_offset_y; ausentes = centralizada).',
  'invalid_request.references_max':
    '{field}: {model} aceita no máximo {max} imagens de referência além da imagem (recebidas: {count}).',
  'invalid_request.references_none': '{field}: {model} não aceita imagens de referência.',
  'invalid_request.output_format': '{field}: {model} não gera {format}; escolha um de {formats}.',
  'invalid_request.model_field': '{field}: {model} não tem o campo {keys}.',
  'invalid_request.http_url': '{field}: deve ser uma URL http(s) como {example}.',
  'invalid_request.protocol':
    '{field}: este sidecar fala o protocolo de ponte {protocol}: atualize a função FLUX Inpaint para que correspondam.',
  'invalid_request.nonce': '{field}: deve ter de 16 a 128 caracteres seguros para URL.',
  'invalid_request.ref':
    '{field}: "ref" indica uma imagem de um chat do Open WebUI e só funciona no editor de lá; envie "data" (base64) ou "job".',
  'invalid_request.expand_none': 'Expandir precisa de pelo menos um lado maior que 0.',
  'rate_limited.challenges':
    'Desafios de sessão demais de {ip}: no máximo {max} por minuto (FLUX_INPAINT_CHALLENGE_LIMIT). Tente de novo em {seconds} s.',
  'rate_limited.sessions':
    'Sessões de Inpaint demais: no máximo {max} por minuto (FLUX_INPAINT_RATE_LIMIT). Tente de novo em {seconds} s.',
  'rate_limited.jobs':
    'Trabalhos novos demais: no máximo {max} por minuto (FLUX_INPAINT_RATE_LIMIT). Tente de novo em {seconds} s.',
  'settings_invalid.field': 'A configuração {field} do editor foi recusada: redefina as configurações no editor.',
  'settings_invalid.too_large': 'As configurações do editor são grandes demais: redefina-as no editor.',
  user_invalid: 'Para guardar as configurações é preciso um id de usuário de 1 a {max} caracteres.',
  'provider_unavailable.flux': 'O provedor FLUX não está disponível: inicie o sidecar com FLUX_API_KEY definida.',
  'provider_unavailable.disabled': 'O provedor "{provider}" não está ativado (FLUX_INPAINT_PROVIDER).',
  'result_gone.deleted':
    'O resultado do trabalho {id} não está mais no disco (apagado, ou removido após FLUX_INPAINT_KEEP_RESULTS_DAYS). Envie a edição de novo para gerar um novo.',
  disk_full: 'O disco da pasta de dados do sidecar está cheio: libere espaço (ou mova FLUX_INPAINT_DATA_DIR).',
  data_dir_not_writable:
    'O sidecar não consegue gravar na pasta de dados ({reason}): torne FLUX_INPAINT_DATA_DIR gravável para o usuário que executa o sidecar.',
  storage_error: 'O sidecar não conseguiu gravar na pasta de dados ({reason}).',
  image_empty: 'A imagem está vazia.',
  'image_empty.mask': 'O arquivo da máscara está vazio.',
  'image_empty.reference': 'A imagem de referência {n} está vazia.',
  image_too_large: 'A imagem tem {size} MB; o limite é {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Use uma imagem menor.',
  'image_too_large.mask': 'A máscara tem {size} MB; o limite é {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB).',
  'image_too_large.reference':
    'A imagem de referência {n} tem {size} MB; o limite é {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Use uma imagem menor.',
  'image_too_large.link': 'A imagem em {host} passa do limite (FLUX_INPAINT_MAX_IMAGE_MB).',
  image_too_many_pixels: 'A imagem tem mais de {mp} megapixels (FLUX_INPAINT_MAX_IMAGE_MP). Use uma imagem menor.',
  'image_too_many_pixels.mask': 'A máscara tem mais de {mp} megapixels (FLUX_INPAINT_MAX_IMAGE_MP).',
  'image_too_many_pixels.reference':
    'A imagem de referência {n} tem mais de {mp} megapixels (FLUX_INPAINT_MAX_IMAGE_MP). Use uma imagem menor.',
  image_unreadable: 'A imagem não é uma imagem PNG, JPEG ou WebP legível.',
  'image_unreadable.mask': 'A máscara não é uma imagem PNG, JPEG ou WebP legível.',
  'image_unreadable.reference': 'A imagem de referência {n} não é uma imagem PNG, JPEG ou WebP legível.',
  'image_unreadable.data_url': 'A imagem do chat é uma URL data: sem suporte.',
  image_unsupported: 'A imagem deve ser PNG, JPEG ou WebP (recebido: {format}).',
  'image_unsupported.mask': 'A máscara deve ser PNG, JPEG ou WebP (recebido: {format}).',
  'image_unsupported.reference': 'A imagem de referência {n} deve ser PNG, JPEG ou WebP (recebido: {format}).',
  'image_unsupported.link': 'O link em {host} não é uma imagem ({type}).',
  mask_aspect_mismatch:
    'A máscara tem {mask}, mas a imagem tem {image}: elas precisam ter a mesma proporção. Recarregue o editor e pinte de novo.',
  'invalid_mask.size': 'A máscara tem {mask}, mas a imagem tem {image}; envie uma máscara do tamanho da imagem.',
  'invalid_image.channels': 'Esperava-se uma imagem com {expected} canal(is) após a conversão, ela tem {got}.',
  'image_not_found.gone': '{field}: essa imagem não está mais disponível: recarregue o editor.',
  'image_not_found.job': 'Para editar um resultado anterior, clique em Inpaint abaixo dele no chat.',
  'image_fetch_failed.redirects': 'O link da imagem redireciona vezes demais.',
  'image_fetch_failed.network': 'Não foi possível carregar a imagem de {host}: {reason}',
  'image_fetch_failed.http': 'Não foi possível carregar a imagem de {host} (HTTP {status}).',
  image_fetch_timeout:
    'A imagem em {host} não chegou em {seconds} s; esse servidor é lento demais. Salve a imagem e carregue-a no editor.',
  'image_url_refused.invalid': 'O chat aponta para "{link}", que não é um link válido.',
  'image_url_refused.redirect': '{host} redireciona para "{link}", que não é um link válido.',
  'image_url_refused.scheme': 'O link de imagem {origin} não foi carregado: só links http e https são carregados.',
  'image_url_refused.credentials':
    'O link de imagem {origin} não foi carregado: links com credenciais não são carregados.',
  'image_url_refused.private': 'O link de imagem {origin} não foi carregado: ele aponta para uma rede privada.',
  'expand_too_large.local':
    'Expandir geraria uma imagem de {size} ({mp} megapixels); o provedor local aceita no máximo {max}. Expanda menos ou use uma imagem menor.',
  'unsupported.local': 'O provedor local não faz {model}; defina FLUX_API_KEY para usar o FLUX.',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}: não há arquivo ali. Baixe um modelo (npm run download-model -- lama) e aponte FLUX_INPAINT_LOCAL_MODEL para ele, ou remova a configuração para usar o preenchimento clássico.',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} não pôde ser carregado como modelo ONNX ({detail}). O arquivo pode estar incompleto ou corrompido: baixe-o de novo (npm run download-model -- lama o verifica), ou remova FLUX_INPAINT_LOCAL_MODEL para usar o preenchimento clássico.',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} não é um modelo de inpainting que este sidecar consiga executar: {detail}. Use uma exportação LaMa ou MI-GAN (README: "Model fill"), ou remova FLUX_INPAINT_LOCAL_MODEL para usar o preenchimento clássico.',
  'local_model_unsupported.output':
    'O modelo em FLUX_INPAINT_LOCAL_MODEL devolveu {got} valores em vez de {expected} (3 x {height} x {width}). Use uma exportação LaMa ou MI-GAN, ou remova FLUX_INPAINT_LOCAL_MODEL para usar o preenchimento clássico.',
  local_model_timeout:
    'O modelo em FLUX_INPAINT_LOCAL_MODEL={file} levou mais que FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} s. Aumente a configuração, use um modelo menor (MI-GAN), ou remova FLUX_INPAINT_LOCAL_MODEL para usar o preenchimento clássico.',
  flux_unreachable: 'Não foi possível alcançar o FLUX em {origin} ({reason}): verifique a rede e FLUX_API_URL.',
  flux_connection_lost: 'A conexão com o FLUX em {origin} caiu ({reason}).',
  'flux_untrusted_polling_url.not_url': 'O FLUX devolveu uma URL de consulta que não é uma URL ({url}).',
  flux_untrusted_polling_url:
    'O FLUX devolveu uma URL de consulta em {origin}, que não faz parte de {api}; a chave de API não será enviada para lá.',
  flux_no_polling_url:
    'O FLUX aceitou o trabalho (tarefa {id}), mas não deu nenhuma polling_url para acompanhá-lo, então o resultado não pode ser buscado. Ele pode ter sido cobrado: confira em {dashboard}.',
  'flux_bad_response.not_json': 'O FLUX em {origin} respondeu algo que não é o JSON esperado; tente de novo.',
  'result_not_image.type': 'O resultado não é uma imagem (content-type "{type}").',
  'result_not_image.data':
    'O servidor do resultado enviou dados que não são uma imagem em vez de uma imagem PNG, JPEG ou WebP; eles não foram guardados. Envie a edição de novo; se acontecer de novo, verifique FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.format':
    'O servidor do resultado enviou um arquivo do tipo {format} em vez de uma imagem PNG, JPEG ou WebP; ele não foi guardado. Envie a edição de novo; se acontecer de novo, verifique FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.broken':
    'O servidor do resultado enviou um arquivo {format} corrompido em vez de uma imagem PNG, JPEG ou WebP; ele não foi guardado. Envie a edição de novo; se acontecer de novo, verifique FLUX_INPAINT_RESULT_HOSTS.',
  'result_too_large.pixels':
    'O resultado tem {size} pixels, mais que os {mp} megapixels que um resultado do FLUX pode ter; ele não foi guardado. Envie a edição de novo.',
  'result_host_refused.not_url': 'O FLUX devolveu um resultado em {origin}, que não foi baixado: não é uma URL.',
  'result_host_refused.credentials':
    'O FLUX devolveu um resultado em {origin}, que não foi baixado: links com credenciais não são baixados.',
  'result_host_refused.not_listed':
    'O FLUX devolveu um resultado em {origin}, que não foi baixado: ele não está em FLUX_INPAINT_RESULT_HOSTS (uma lista estrita quando definida; deixe-a vazia para aceitar qualquer servidor https público).',
  'result_host_refused.not_https': 'O FLUX devolveu um resultado em {origin}, que não foi baixado: não é https.',
  'result_host_refused.private':
    'O FLUX devolveu um resultado em {origin}, que não foi baixado: ele resolve para um endereço de rede privada; se esse servidor for seu, adicione a origem dele a FLUX_INPAINT_PRIVATE_ORIGINS.',
  'result_download_timeout.host':
    'O servidor do resultado {origin} não o entregou em {seconds} s; o download foi interrompido.',
  'result_download_failed.network': 'O download do resultado de {origin} falhou ({reason}).',
  protocol_mismatch:
    'Este sidecar fala o protocolo de ponte {protocol}: atualize a função FLUX Inpaint no Open WebUI (Admin > Functions) para a versão que vem com este sidecar.',
  'invalid_request.key_not_sealed':
    'valves.FLUX_API_KEY não está selada com a chave desta sessão: atualize a função FLUX Inpaint no Open WebUI.',
  'invalid_request.editor_part':
    'O editor enviou uma parte de mensagem malformada: feche-o e clique em Inpaint de novo.',
  'invalid_request.editor_parts':
    'O editor enviou partes de uma mesma mensagem que não batem: clique em Inpaint de novo.',
  'invalid_request.editor_message': 'O editor enviou uma mensagem que não pode ser lida: clique em Inpaint de novo.',
  session_not_found: 'Nenhuma sessão aberta "{session}" (ela terminou ou o sidecar reiniciou).',
  op_not_found: 'A sessão {session} não está esperando a op {op}.',
  'unauthorized.reply_mac': 'A resposta não traz um X-Flux-Inpaint-Mac válido para esta sessão.',
  'unauthorized.no_auth':
    'A requisição não traz um cabeçalho X-Flux-Inpaint-Auth válido: atualize a função FLUX Inpaint no Open WebUI para a versão que combina com este sidecar.',
  'unauthorized.challenge': 'O desafio da sessão é desconhecido, já foi usado ou expirou: clique em Inpaint de novo.',
  'unauthorized.token':
    'SIDECAR_TOKEN errado: copie o token que o sidecar mostrou na primeira inicialização (também em <data dir>/token) para a válvula SIDECAR_TOKEN.',
  bridge_timeout: 'O Open WebUI não respondeu a "{op}" a tempo.',
  host_script_failed: 'O repasse do editor falhou na página do Open WebUI: {reason}.',
  'host_script_failed.silent': 'O repasse do editor falhou na página do Open WebUI: não houve resposta.',
  unknown_method: 'O sidecar não conhece "{method}".',
  translation_empty: 'O modelo do chat não deu nenhuma tradução utilizável.',
  'owui_not_found.image_file': 'O arquivo desta imagem está faltando no armazenamento do Open WebUI.',
  'owui_not_found.file': 'Esta imagem não está nos arquivos do Open WebUI (ela pode ter sido excluída).',
  'owui_not_found.parent': 'A mensagem a responder não está mais no chat.',
  'owui_forbidden.not_owui_image': 'Só são lidas imagens do Open WebUI (/api/v1/files, ids de arquivo, /cache).',
  'owui_forbidden.not_in_chat': 'Só podem ser lidas imagens citadas neste chat.',
  'owui_forbidden.not_shared': 'Esta imagem pertence a outro usuário e não está compartilhada com você.',
  'owui_forbidden.not_added': 'Só pode ser removida uma mensagem que esta sessão adicionou.',
  'owui_invalid.image_file': 'Esta imagem é grande demais ou não é um arquivo PNG, JPEG ou WebP.',
  'owui_invalid.not_image': 'Este arquivo não é uma imagem PNG, JPEG ou WebP.',
  'owui_invalid.save_type': 'Só são salvas imagens PNG, JPEG ou WebP (com tipo e conteúdo de acordo).',
  'owui_unsupported.no_page': 'Nenhuma página do navegador está conectada a esta ação.',
  'owui_unsupported.remove': 'O Open WebUI antes da 0.10 não consegue remover uma mensagem.',
  'owui_failed.record_file': 'O Open WebUI não conseguiu registrar a imagem em seus arquivos.',
  'owui_failed.no_answer': 'O modelo não respondeu (é um modelo de chat que consegue responder sem streaming?).',
  'owui_failed.write_message': 'O Open WebUI não conseguiu escrever a mensagem no chat.',
  'owui_timeout.page': 'A página do navegador não respondeu a tempo.',
  'owui_unknown_op.update': 'A função não conhece essa operação: atualize-a para a versão do sidecar.',
  'owui_failed.exception': 'A função FLUX Inpaint falhou dentro do Open WebUI ({detail}).',
  'owui_invalid.no_url': 'O Open WebUI salvou a imagem, mas não devolveu nenhuma URL utilizável.',
  'owui_invalid.no_data': 'O Open WebUI não devolveu dados de imagem.',
  'tool_image_not_found.too_few':
    'Nenhuma imagem deste chat corresponde a "{which}" (há só {count}). O chat tem {count}: {list}. Pergunte qual, ou use which="latest".',
  'tool_image_not_found.no_words':
    'Nenhuma imagem deste chat corresponde a "{which}" (nenhuma foi descrita com essas palavras). O chat tem {count}: {list}. Pergunte qual, ou use which="latest".',
  'invalid_request.below': '{field}: menos de {max}.',
  'invalid_request.above': '{field}: mais de {min}.',
  'unauthorized.wrong_token':
    'Token errado: use o token que o sidecar mostrou na primeira inicialização (também na pasta de dados dele, arquivo "token"), ou FLUX_INPAINT_TOKEN.',
  'unauthorized.missing_token':
    'Token ausente: envie "Authorization: Bearer <token>" (o token que o sidecar mostrou na primeira inicialização).',
  'invalid_request.job_id': '{field}: não é um id de trabalho.',

  // Jobs and the data dir lock
  job_not_found: 'Nenhum trabalho com id "{id}".',
  result_not_ready: 'O trabalho {id} ainda não tem resultado (está em {state}).',
  job_inputs_missing: 'As entradas do trabalho {id} não estão mais no diretório de dados: envie a edição de novo.',
  'job_entry_unknown.retired':
    'Este trabalho, "{prompt}", pediu {model}, que esta versão não oferece mais. Ele nunca chegou ao FLUX, então nada foi cobrado: envie a edição de novo com outro modelo.',
  'job_entry_unknown.fields':
    'Este trabalho, "{prompt}", veio de uma versão anterior com um valor que esta versão não aceita ({field}). Ele nunca chegou ao FLUX, então nada foi cobrado: envie a edição de novo.',
  'job_entry_unknown.other_version':
    'Este trabalho, "{prompt}", foi registrado por outra versão do sidecar (estado "{state}") e foi encerrado: consulte {dashboard} antes de enviá-lo de novo, ele pode ter sido cobrado.',
  data_dir_in_use:
    'Outro sidecar flux-inpaint (pid {pid}) usa o diretório de dados {dir}: pare-o primeiro ou dê a este o seu próprio FLUX_INPAINT_DATA_DIR.',
  'data_dir_in_use.unknown_pid':
    'Outro sidecar flux-inpaint usa o diretório de dados {dir}: pare-o primeiro ou dê a este o seu próprio FLUX_INPAINT_DATA_DIR.',
};
