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
  flux_bad_request: 'FLUX a rejeté la requête (400){detail}. Vérifiez le prompt et les paramètres.',
  flux_validation: 'FLUX a rejeté les paramètres (422){detail}.',
  'flux_validation.fields': 'FLUX a refusé {fields} (422) : modifiez-le et renvoyez.',
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
};
