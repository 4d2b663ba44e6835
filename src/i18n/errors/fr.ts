import type { ErrorCatalogue } from './index.js';

export const fr: ErrorCatalogue = {
  shutting_down:
    "Le sidecar s'arrête : renvoyez une fois qu'il est de retour (les tâches en cours reprennent à son redémarrage).",
  cancelled: 'Annulé.',
  mask_required: "Un masque est nécessaire : peignez la partie de l'image à modifier.",
  mask_empty: "Le masque est vide : peignez la partie de l'image à modifier, puis renvoyez.",
  mask_full:
    "Le masque couvre toute l'image, il ne reste rien à partir de quoi remplir : laissez une partie de l'image non peinte.",
  crop_too_small: 'Le recadrage fait moins de 16x16 pixels : sélectionnez une zone plus grande.',
  flux_key_missing:
    'Pas de clé API FLUX : définissez FLUX_API_KEY dans les valves de la fonction FLUX Inpaint (Admin > Functions), ou démarrez le sidecar avec elle.',
  flux_forbidden: 'FLUX a refusé la clé API ({status}) : vérifiez FLUX_API_KEY, ou créez une clé sur {dashboard}',
  flux_out_of_credits: "Le compte FLUX n'a plus de crédits (402) : rechargez-le sur {dashboard} et renvoyez.",
  'flux_out_of_credits.low':
    'Votre solde FLUX est de {balance} crédits ; {model} coûte au moins {needed}. FLUX risque de refuser la tâche (402) : rechargez sur {dashboard}.',
  flux_bad_request: 'FLUX a rejeté la requête (400){detail}. Vérifiez le prompt et les paramètres.',
  flux_validation: 'FLUX a rejeté les paramètres (422){detail}.',
  'flux_validation.fields': 'FLUX a refusé {fields} (422) : modifiez-le et renvoyez.',
  'flux_model_unavailable.model':
    "FLUX n'a pas de point d'accès « {model} » à {url} (404) : l'API a peut-être retiré ce modèle. Choisissez un autre modèle ou vérifiez FLUX_API_URL.",
  'flux_model_unavailable.url':
    "FLUX n'a pas de point d'accès à {url} (404) : l'API a peut-être retiré ce modèle. Choisissez un autre modèle ou vérifiez FLUX_API_URL.",
  'flux_rate_limited.gave_up_unsent':
    "Abandon : FLUX a trop de tâches actives pour cette clé d'API (429) et a demandé d'attendre {wait} s, plus que le temps de ce travail, {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Le travail n'a pas été envoyé : rien n'a été facturé. Renvoyez-le quand moins de travaux tournent, ou augmentez le temps.",
  'flux_rate_limited.gave_up_sent':
    "Abandon : FLUX a trop de tâches actives pour cette clé d'API (429) et a demandé d'attendre {wait} s, plus que le temps de ce travail, {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). La tâche était déjà acceptée (et facturée) ; son résultat n'a pas pu être récupéré à temps. Renvoyez-le quand moins de travaux tournent, ou augmentez le temps.",
  'result_download_timeout.budget':
    "L'hôte de résultats {origin} n'a pas livré le résultat dans les {seconds} s du travail (POLL_INTERVAL x MAX_POLL_ATTEMPTS) : le téléchargement a été arrêté.",
  'invalid_request.outpaint_cuts':
    "Hors ligne, Outpaint ne peut qu'ajouter du canevas autour de l'image entière : faites glisser le cadre pour qu'il la contienne entièrement, ou utilisez FLUX.",
  'invalid_request.outpaint_empty':
    "Outpaint a besoin d'un cadre plus grand que l'image : tirez ses bords vers l'extérieur.",
  'flux_rate_limited.retrying':
    'FLUX a trop de tâches actives pour cette clé API (429) ; nouvel essai dans environ {seconds} s.',
  flux_server_error: 'FLUX a eu une erreur serveur ({status}). Réessayez dans une minute.',
  flux_http_error: 'FLUX a répondu HTTP {status}{detail}.',
  flux_timeout:
    "FLUX n'a pas terminé en {seconds} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Augmentez-les, ou renvoyez plus tard.",
  flux_request_moderated:
    "FLUX a refusé l'image d'entrée ou le prompt (Request Moderated). Modifiez le prompt ou l'image, ou augmentez SAFETY_TOLERANCE (0 le plus strict). La facturation n'est pas documentée : voir {dashboard}.",
  'flux_request_moderated.reasons':
    "FLUX a refusé l'image d'entrée ou le prompt (Request Moderated) (raisons données : {reasons}). Modifiez le prompt ou l'image, ou augmentez SAFETY_TOLERANCE (0 le plus strict). La facturation n'est pas documentée : voir {dashboard}.",
  flux_content_moderated:
    "FLUX a généré une image mais l'a retenue (Content Moderated). Essayez un autre prompt, ou augmentez SAFETY_TOLERANCE (0 le plus strict). La facturation n'est pas documentée : voir {dashboard}.",
  'flux_content_moderated.reasons':
    "FLUX a généré une image mais l'a retenue (Content Moderated) (raisons données : {reasons}). Essayez un autre prompt, ou augmentez SAFETY_TOLERANCE (0 le plus strict). La facturation n'est pas documentée : voir {dashboard}.",
  flux_task_error: "FLUX n'a pas pu générer l'image ({status}). Renvoyez la modification.",
  'flux_task_error.reasons': "FLUX n'a pas pu générer l'image ({status}) : {reasons}. Renvoyez la modification.",
  flux_task_not_found:
    "FLUX ne connaît plus cette tâche (Task not found) : elle a expiré (les résultats sont gardés environ 10 minutes), ou elle a été demandée dans la mauvaise région. Si FLUX_API_URL nomme une région (api.eu.bfl.ai, api.us.bfl.ai), vérifiez que c'est celle de la clé ; puis renvoyez la modification.",
  result_expired: "Le lien du résultat a expiré avant d'être téléchargé (HTTP {status}). Renvoyez la modification.",
  'flux_bad_response.no_link': "FLUX a signalé l'image prête mais sans lien de téléchargement ; renvoyez.",
  'result_download_failed.http': 'Le téléchargement du résultat a échoué avec HTTP {status}.',
  result_truncated: 'Le téléchargement du résultat s’est arrêté trop tôt ({received} sur {declared} octets).',
  result_too_large: 'Le résultat dépasse {mb} Mo (FLUX_INPAINT_MAX_RESULT_MB).',
  tool_no_image:
    "Il n'y a aucune image à modifier dans ce chat : téléversez-en une (ou faites-en générer une) d'abord, puis redemandez.",
  bridge_closed: 'Open WebUI a fermé la connexion au sidecar.',
  bridge_ended: 'La session est terminée.',
  page_gone: 'La page Open WebUI ne répond plus (onglet fermé ou rechargé).',
  invalid_json: "Le corps de la requête n'est pas un JSON valide.",
  'invalid_json.detail': "Le corps n'est pas un JSON valide : {detail}",
  request_too_large: 'La requête est trop grande : utilisez une image plus petite (FLUX_INPAINT_MAX_IMAGE_MB).',
  'request_too_large.editor':
    "L'éditeur a envoyé plus de {mb} Mo d'un coup : utilisez des images plus petites ou moins de références.",
  unsupported_media_type: 'Envoyez du JSON (application/json) ou du multipart/form-data.',
  method_not_allowed: "{path} n'accepte pas {method} ; il accepte {allowed}.",
  not_found: 'Aucune route {method} {path}.',
  'internal_error.sidecar': 'Erreur inattendue dans le sidecar ; son journal contient les détails.',
  'invalid_request.empty_body': 'Le corps de la requête est vide ou sa longueur est fausse.',
  'invalid_request.multipart': 'Le corps multipart est mal formé ({detail}) : renvoyez les champs.',
  'invalid_request.url': "L'URL ou les en-têtes de la requête sont invalides ({reason}).",
  'invalid_request.too_long': '{field} : {max} caractères au plus.',
  'invalid_request.too_short': '{field} : {min} caractères au moins.',
  'invalid_request.too_big': '{field} : {max} au plus.',
  'invalid_request.too_small': '{field} : {min} au moins.',
  'invalid_request.too_many': '{field} : {max} éléments au plus.',
  'invalid_request.too_few': '{field} : {min} éléments au moins.',
  'invalid_request.type': '{field} : {expected} attendu.',
  'invalid_request.required': '{field} : obligatoire.',
  'invalid_request.choice': "{field} : doit être l'une de ces valeurs : {options}.",
  'invalid_request.format': '{field} : {format} invalide.',
  'invalid_request.unknown_keys': '{field} : champ inconnu {keys}.',
  'invalid_request.rule': '{field} : {rule}',
  'invalid_request.whole': '{field} : doit être un nombre entier.',
  'invalid_request.between': '{field} : doit être compris entre {min} et {max}.',
  'invalid_request.base64':
    "{field} : doit être du texte base64 (un préfixe d'URL data: et des retours à la ligne sont acceptés).",
  'invalid_request.image_source':
    "{field} : doit nommer une image du chat (« ref »), un résultat précédent (« job ») ou porter l'image (« data », en base64, avec « mime »).",
  'invalid_request.reference_source':
    "{field} : doit nommer une image du chat (« ref ») ou porter l'image (« data », en base64, avec « mime »).",
  'invalid_request.mask_shape':
    '{field} : doit être un PNG en base64 ou un masque brut (« format » : « raw », « width », « height », « data »).',
  'invalid_request.mask_encoding': '{field} : doit valoir « deflate » ou être absent.',
  'invalid_request.mask_deflate':
    '{field} : doit contenir des données deflate (zlib) de exactement largeur x hauteur octets.',
  'invalid_request.mask_size': '{field} : doit contenir exactement largeur x hauteur octets (un octet par pixel).',
  'invalid_request.crop_outside': "{field} : le recadrage doit rester à l'intérieur de l'image.",
  'invalid_request.params_object': '{field} : doit être un objet des champs du modèle.',
  'invalid_request.finetune_id':
    "{field} : doit être l'identifiant du fine-tune pris dans le tableau de bord BFL (lettres, chiffres, _ et -).",
  'invalid_request.needs_instruction':
    "{field} : {model} a besoin d'une consigne : écrivez ce qui doit changer dans l'image.",
  'invalid_request.outpaint_canvas':
    "{field} : {model} a besoin du canevas : width et height (à partir de 64 px), et la place de l'image dessus (reference_offset_x, reference_offset_y ; absents = centrée).",
  'invalid_request.references_max':
    "{field} : {model} accepte au plus {max} images de référence en plus de l'image (reçu : {count}).",
  'invalid_request.references_none': "{field} : {model} n'accepte pas d'image de référence.",
  'invalid_request.output_format': '{field} : {model} ne peut pas produire {format} ; choisissez parmi {formats}.',
  'invalid_request.model_field': "{field} : {model} n'a pas de champ {keys}.",
  'invalid_request.http_url': '{field} : doit être une URL http(s) comme {example}.',
  'invalid_request.protocol':
    '{field} : ce sidecar parle le protocole de pont {protocol} : mettez à jour la fonction FLUX Inpaint pour qu’ils correspondent.',
  'invalid_request.nonce': '{field} : doit compter de 16 à 128 caractères sûrs pour une URL.',
  'invalid_request.ref':
    '{field} : "ref" désigne une image d\'un chat Open WebUI et ne fonctionne que dans l\'éditeur de ce chat ; envoyez "data" (base64) ou "job".',
  'invalid_request.expand_none': "L'extension demande au moins un côté supérieur à 0.",
  'rate_limited.challenges':
    'Trop de challenges de session depuis {ip} : {max} par minute au plus (FLUX_INPAINT_CHALLENGE_LIMIT). Réessayez dans {seconds} s.',
  'rate_limited.sessions':
    'Trop de sessions Inpaint : {max} par minute au plus (FLUX_INPAINT_RATE_LIMIT). Réessayez dans {seconds} s.',
  'rate_limited.jobs':
    'Trop de nouvelles tâches : {max} par minute au plus (FLUX_INPAINT_RATE_LIMIT). Réessayez dans {seconds} s.',
  'settings_invalid.field': "Le réglage {field} de l'éditeur a été refusé : réinitialisez les réglages dans l'éditeur.",
  'settings_invalid.too_large': "Les réglages de l'éditeur sont trop volumineux : réinitialisez-les dans l'éditeur.",
  user_invalid: "Un identifiant d'utilisateur de 1 à {max} caractères est nécessaire pour garder les réglages.",
  'provider_unavailable.flux':
    "Le fournisseur FLUX n'est pas disponible : démarrez le sidecar avec FLUX_API_KEY défini.",
  'provider_unavailable.disabled': 'Le fournisseur "{provider}" n\'est pas activé (FLUX_INPAINT_PROVIDER).',
  'result_gone.deleted':
    "Le résultat de la tâche {id} n'est plus sur le disque (supprimé, ou effacé après FLUX_INPAINT_KEEP_RESULTS_DAYS). Renvoyez la retouche pour en obtenir un nouveau.",
  disk_full:
    'Le disque du dossier de données du sidecar est plein : libérez de la place (ou déplacez FLUX_INPAINT_DATA_DIR).',
  data_dir_not_writable:
    "Le sidecar ne peut pas écrire dans son dossier de données ({reason}) : rendez FLUX_INPAINT_DATA_DIR accessible en écriture à l'utilisateur qui lance le sidecar.",
  storage_error: "Le sidecar n'a pas pu écrire dans son dossier de données ({reason}).",
  image_empty: "L'image est vide.",
  'image_empty.mask': 'Le fichier du masque est vide.',
  'image_empty.reference': "L'image de référence {n} est vide.",
  image_too_large:
    "L'image fait {size} Mo ; la limite est de {limit} Mo (FLUX_INPAINT_MAX_IMAGE_MB). Utilisez une image plus petite.",
  'image_too_large.mask': 'Le masque fait {size} Mo ; la limite est de {limit} Mo (FLUX_INPAINT_MAX_IMAGE_MB).',
  'image_too_large.reference':
    "L'image de référence {n} fait {size} Mo ; la limite est de {limit} Mo (FLUX_INPAINT_MAX_IMAGE_MB). Utilisez une image plus petite.",
  'image_too_large.link': "L'image sur {host} dépasse la limite (FLUX_INPAINT_MAX_IMAGE_MB).",
  image_too_many_pixels:
    "L'image a plus de {mp} mégapixels (FLUX_INPAINT_MAX_IMAGE_MP). Utilisez une image plus petite.",
  'image_too_many_pixels.mask': 'Le masque a plus de {mp} mégapixels (FLUX_INPAINT_MAX_IMAGE_MP).',
  'image_too_many_pixels.reference':
    "L'image de référence {n} a plus de {mp} mégapixels (FLUX_INPAINT_MAX_IMAGE_MP). Utilisez une image plus petite.",
  image_unreadable: "L'image n'est pas une image PNG, JPEG ou WebP lisible.",
  'image_unreadable.mask': "Le masque n'est pas une image PNG, JPEG ou WebP lisible.",
  'image_unreadable.reference': "L'image de référence {n} n'est pas une image PNG, JPEG ou WebP lisible.",
  'image_unreadable.data_url': "L'image du chat est une URL data: non prise en charge.",
  image_unsupported: "L'image doit être en PNG, JPEG ou WebP (reçu : {format}).",
  'image_unsupported.mask': 'Le masque doit être en PNG, JPEG ou WebP (reçu : {format}).',
  'image_unsupported.reference': "L'image de référence {n} doit être en PNG, JPEG ou WebP (reçu : {format}).",
  'image_unsupported.link': "Le lien sur {host} n'est pas une image ({type}).",
  mask_aspect_mismatch:
    "Le masque fait {mask} mais l'image {image} : ils doivent avoir les mêmes proportions. Rechargez l'éditeur et peignez à nouveau.",
  'invalid_mask.size': "Le masque fait {mask} mais l'image {image} ; envoyez un masque de la taille de l'image.",
  'invalid_image.channels': 'Une image à {expected} canal(aux) était attendue après conversion, elle en a {got}.',
  'image_not_found.gone': "{field} : cette image n'est plus disponible : rechargez l'éditeur.",
  'image_not_found.job': 'Pour retoucher un résultat précédent, cliquez sur Inpaint sous ce résultat dans le chat.',
  'image_fetch_failed.redirects': "Le lien de l'image redirige trop de fois.",
  'image_fetch_failed.network': "Impossible de charger l'image depuis {host} : {reason}",
  'image_fetch_failed.http': "Impossible de charger l'image depuis {host} (HTTP {status}).",
  image_fetch_timeout:
    "L'image sur {host} n'est pas arrivée en {seconds} s ; ce serveur est trop lent. Enregistrez l'image et chargez-la plutôt dans l'éditeur.",
  'image_url_refused.invalid': 'Le chat renvoie vers "{link}", qui n\'est pas un lien valide.',
  'image_url_refused.redirect': '{host} redirige vers "{link}", qui n\'est pas un lien valide.',
  'image_url_refused.scheme':
    "Le lien d'image {origin} n'a pas été chargé : seuls les liens http et https sont chargés.",
  'image_url_refused.credentials':
    "Le lien d'image {origin} n'a pas été chargé : les liens avec identifiants ne sont pas chargés.",
  'image_url_refused.private': "Le lien d'image {origin} n'a pas été chargé : il pointe vers un réseau privé.",
  'expand_too_large.local':
    "L'extension donnerait une image de {size} ({mp} mégapixels) ; le fournisseur local en gère au plus {max}. Étendez moins ou utilisez une image plus petite.",
  'unsupported.local': 'Le fournisseur local ne sait pas faire {model} ; définissez FLUX_API_KEY pour utiliser FLUX.',
  local_model_missing:
    "FLUX_INPAINT_LOCAL_MODEL={file} : il n'y a pas de fichier à cet endroit. Téléchargez un modèle (npm run download-model -- lama) et faites pointer FLUX_INPAINT_LOCAL_MODEL dessus, ou retirez ce réglage pour utiliser le remplissage classique.",
  local_model_invalid:
    "FLUX_INPAINT_LOCAL_MODEL={file} n'a pas pu être chargé comme modèle ONNX ({detail}). Le fichier est peut-être incomplet ou abîmé : téléchargez-le à nouveau (npm run download-model -- lama le vérifie), ou retirez FLUX_INPAINT_LOCAL_MODEL pour utiliser le remplissage classique.",
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} n\'est pas un modèle d\'inpainting que ce sidecar sait exécuter : {detail}. Utilisez un export LaMa ou MI-GAN (README : "Model fill"), ou retirez FLUX_INPAINT_LOCAL_MODEL pour utiliser le remplissage classique.',
  'local_model_unsupported.output':
    'Le modèle de FLUX_INPAINT_LOCAL_MODEL a renvoyé {got} valeurs au lieu de {expected} (3 x {height} x {width}). Utilisez un export LaMa ou MI-GAN, ou retirez FLUX_INPAINT_LOCAL_MODEL pour utiliser le remplissage classique.',
  local_model_timeout:
    'Le modèle de FLUX_INPAINT_LOCAL_MODEL={file} a pris plus de FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} s. Augmentez ce réglage, utilisez un modèle plus petit (MI-GAN), ou retirez FLUX_INPAINT_LOCAL_MODEL pour utiliser le remplissage classique.',
  flux_unreachable: 'Impossible de joindre FLUX à {origin} ({reason}) : vérifiez le réseau et FLUX_API_URL.',
  flux_connection_lost: 'La connexion à FLUX à {origin} a été coupée ({reason}).',
  'flux_untrusted_polling_url.not_url': "FLUX a renvoyé une URL de suivi qui n'est pas une URL ({url}).",
  flux_untrusted_polling_url:
    "FLUX a renvoyé une URL de suivi sur {origin}, qui ne fait pas partie de {api} ; la clé d'API n'y sera pas envoyée.",
  flux_no_polling_url:
    'FLUX a accepté la tâche (tâche {id}) sans donner de polling_url pour la suivre, son résultat ne peut donc pas être récupéré. Elle a peut-être été facturée : vérifiez sur {dashboard}.',
  'flux_bad_response.not_json': 'FLUX à {origin} a répondu autre chose que le JSON attendu ; réessayez.',
  'result_not_image.type': 'Le résultat n\'est pas une image (content-type "{type}").',
  'result_not_image.data':
    "L'hôte du résultat a envoyé des données qui ne sont pas une image au lieu d'une image PNG, JPEG ou WebP ; elles n'ont pas été gardées. Renvoyez la retouche ; si cela se reproduit, vérifiez FLUX_INPAINT_RESULT_HOSTS.",
  'result_not_image.format':
    "L'hôte du résultat a envoyé un fichier de type {format} au lieu d'une image PNG, JPEG ou WebP ; il n'a pas été gardé. Renvoyez la retouche ; si cela se reproduit, vérifiez FLUX_INPAINT_RESULT_HOSTS.",
  'result_not_image.broken':
    "L'hôte du résultat a envoyé un fichier {format} abîmé au lieu d'une image PNG, JPEG ou WebP ; il n'a pas été gardé. Renvoyez la retouche ; si cela se reproduit, vérifiez FLUX_INPAINT_RESULT_HOSTS.",
  'result_too_large.pixels':
    "Le résultat fait {size} pixels, plus que les {mp} mégapixels qu'un résultat FLUX peut avoir ; il n'a pas été gardé. Renvoyez la retouche.",
  'result_host_refused.not_url':
    "FLUX a renvoyé un résultat sur {origin}, qui n'a pas été téléchargé : ce n'est pas une URL.",
  'result_host_refused.credentials':
    "FLUX a renvoyé un résultat sur {origin}, qui n'a pas été téléchargé : les liens avec identifiants ne sont pas téléchargés.",
  'result_host_refused.not_listed':
    "FLUX a renvoyé un résultat sur {origin}, qui n'a pas été téléchargé : l'hôte n'est pas dans FLUX_INPAINT_RESULT_HOSTS (une liste stricte si elle est définie ; laissez-la vide pour accepter tout hôte https public).",
  'result_host_refused.not_https':
    "FLUX a renvoyé un résultat sur {origin}, qui n'a pas été téléchargé : ce n'est pas du https.",
  'result_host_refused.private':
    "FLUX a renvoyé un résultat sur {origin}, qui n'a pas été téléchargé : l'hôte pointe vers une adresse de réseau privé ; s'il est à vous, ajoutez son origine à FLUX_INPAINT_PRIVATE_ORIGINS.",
  'result_download_timeout.host':
    "L'hôte du résultat {origin} ne l'a pas livré en {seconds} s ; le téléchargement a été arrêté.",
  'result_download_failed.network': 'Le téléchargement du résultat depuis {origin} a échoué ({reason}).',
  protocol_mismatch:
    'Ce sidecar parle le protocole de pont {protocol} : mettez à jour la fonction FLUX Inpaint dans Open WebUI (Admin > Functions) avec la version livrée avec ce sidecar.',
  'invalid_request.key_not_sealed':
    "valves.FLUX_API_KEY n'est pas scellée avec la clé de cette session : mettez à jour la fonction FLUX Inpaint dans Open WebUI.",
  'invalid_request.editor_part':
    "L'éditeur a envoyé une partie de message mal formée : fermez-le et cliquez à nouveau sur Inpaint.",
  'invalid_request.editor_parts':
    "L'éditeur a envoyé des parties d'un même message qui ne concordent pas : cliquez à nouveau sur Inpaint.",
  'invalid_request.editor_message': "L'éditeur a envoyé un message illisible : cliquez à nouveau sur Inpaint.",
  session_not_found: 'Aucune session ouverte "{session}" (elle est terminée ou le sidecar a redémarré).',
  op_not_found: "La session {session} n'attend pas l'op {op}.",
  'unauthorized.reply_mac': 'La réponse ne porte pas de X-Flux-Inpaint-Mac valide pour cette session.',
  'unauthorized.no_auth':
    "La requête ne porte pas d'en-tête X-Flux-Inpaint-Auth valide : mettez à jour la fonction FLUX Inpaint dans Open WebUI avec la version qui correspond à ce sidecar.",
  'unauthorized.challenge':
    'Le challenge de session est inconnu, déjà utilisé ou expiré : cliquez à nouveau sur Inpaint.',
  'unauthorized.token':
    'SIDECAR_TOKEN erroné : copiez le jeton affiché par le sidecar à son premier démarrage (aussi dans <data dir>/token) dans la valve SIDECAR_TOKEN.',
  bridge_timeout: 'Open WebUI n\'a pas répondu à temps à "{op}".',
  host_script_failed: "Le relais de l'éditeur a échoué dans la page Open WebUI : {reason}.",
  'host_script_failed.silent': "Le relais de l'éditeur a échoué dans la page Open WebUI : aucune réponse.",
  unknown_method: 'Le sidecar ne connaît pas "{method}".',
  translation_empty: "Le modèle du chat n'a donné aucune traduction utilisable.",
  'owui_not_found.image_file': "Le fichier de cette image manque dans le stockage d'Open WebUI.",
  'owui_not_found.file': "Cette image n'est pas dans les fichiers d'Open WebUI (elle a peut-être été supprimée).",
  'owui_not_found.parent': "Le message auquel répondre n'est plus dans le chat.",
  'owui_forbidden.not_owui_image':
    "Seules les images d'Open WebUI (/api/v1/files, identifiants de fichier, /cache) sont lues.",
  'owui_forbidden.not_in_chat': 'Seules les images citées dans ce chat peuvent être lues.',
  'owui_forbidden.not_shared': "Cette image appartient à un autre utilisateur et n'est pas partagée avec vous.",
  'owui_forbidden.not_added': 'Seul un message ajouté par cette session peut être retiré.',
  'owui_invalid.image_file': "Cette image est trop grande, ou n'est pas un fichier PNG, JPEG ou WebP.",
  'owui_invalid.not_image': "Ce fichier n'est pas une image PNG, JPEG ou WebP.",
  'owui_invalid.save_type': 'Seules les images PNG, JPEG ou WebP (type et contenu concordants) sont enregistrées.',
  'owui_unsupported.no_page': "Aucune page de navigateur n'est reliée à cette action.",
  'owui_unsupported.remove': 'Open WebUI avant 0.10 ne peut pas retirer un message.',
  'owui_failed.record_file': "Open WebUI n'a pas pu enregistrer l'image dans ses fichiers.",
  'owui_failed.no_answer': "Le modèle n'a pas répondu (est-ce un modèle de chat qui sait répondre sans streaming ?).",
  'owui_failed.write_message': "Open WebUI n'a pas pu écrire le message dans le chat.",
  'owui_timeout.page': "La page du navigateur n'a pas répondu à temps.",
  'owui_unknown_op.update': 'La fonction ne connaît pas cette opération : mettez-la à jour vers la version du sidecar.',
  'owui_failed.exception': 'La fonction FLUX Inpaint a échoué dans Open WebUI ({detail}).',
  'owui_invalid.no_url': "Open WebUI a enregistré l'image mais n'a renvoyé aucune URL utilisable.",
  'owui_invalid.no_data': "Open WebUI n'a renvoyé aucune donnée d'image.",
  'tool_image_not_found.too_few':
    'Aucune image de ce chat ne correspond à "{which}" (il n\'y en a que {count}). Le chat en a {count} : {list}. Demandez laquelle, ou utilisez which="latest".',
  'tool_image_not_found.no_words':
    'Aucune image de ce chat ne correspond à "{which}" (aucune n\'a été décrite avec ces mots). Le chat en a {count} : {list}. Demandez laquelle, ou utilisez which="latest".',
  'invalid_request.below': '{field} : moins de {max}.',
  'invalid_request.above': '{field} : plus de {min}.',
  'unauthorized.wrong_token':
    'Jeton erroné : utilisez le jeton affiché par le sidecar à son premier démarrage (aussi dans son dossier de données, fichier "token"), ou FLUX_INPAINT_TOKEN.',
  'unauthorized.missing_token':
    'Jeton manquant : envoyez "Authorization: Bearer <token>" (le jeton affiché par le sidecar à son premier démarrage).',
  'invalid_request.job_id': "{field} : ce n'est pas un identifiant de tâche.",

  // Jobs and the data dir lock
  job_not_found: "Aucune tâche avec l'identifiant « {id} ».",
  result_not_ready: "La tâche {id} n'a pas encore de résultat (état : {state}).",
  job_inputs_missing: 'Les entrées de la tâche {id} ne sont plus dans le dossier de données : renvoyez la retouche.',
  'job_entry_unknown.retired':
    "Cette tâche, « {prompt} », demandait {model}, que cette version ne propose plus. Elle n'a jamais atteint FLUX, rien n'a donc été facturé : renvoyez la retouche avec un autre modèle.",
  'job_entry_unknown.fields':
    "Cette tâche, « {prompt} », vient d'une version précédente avec une valeur que cette version n'accepte pas ({field}). Elle n'a jamais atteint FLUX, rien n'a donc été facturé : renvoyez la modification.",
  'job_entry_unknown.other_version':
    'Cette tâche, « {prompt} », a été enregistrée par une autre version du sidecar (état « {state} ») et a été terminée : consultez {dashboard} avant de la renvoyer, elle a peut-être été facturée.',
  data_dir_in_use:
    "Un autre sidecar flux-inpaint (pid {pid}) utilise le dossier de données {dir} : arrêtez-le d'abord, ou donnez à celui-ci son propre FLUX_INPAINT_DATA_DIR.",
  'data_dir_in_use.unknown_pid':
    "Un autre sidecar flux-inpaint utilise le dossier de données {dir} : arrêtez-le d'abord, ou donnez à celui-ci son propre FLUX_INPAINT_DATA_DIR.",
};
