import type { ErrorCatalogue } from './index.js';

export const de: ErrorCatalogue = {
  shutting_down:
    'Der Sidecar wird beendet: Senden Sie erneut, sobald er wieder läuft (laufende Aufträge werden beim Neustart fortgesetzt).',
  cancelled: 'Abgebrochen.',
  mask_required: 'Eine Maske wird gebraucht: Übermalen Sie den Teil des Bildes, der sich ändern soll.',
  mask_empty: 'Die Maske ist leer: Übermalen Sie den Teil des Bildes, der sich ändern soll, und senden Sie erneut.',
  mask_full:
    'Die Maske bedeckt das ganze Bild, es bleibt nichts, woraus gefüllt werden kann: Lassen Sie einen Teil des Bildes unbemalt.',
  crop_too_small: 'Der Ausschnitt ist kleiner als 16x16 Pixel: Wählen Sie einen größeren Bereich.',
  flux_key_missing:
    'Kein FLUX-API-Schlüssel: Setzen Sie FLUX_API_KEY in den Valves der Funktion FLUX Inpaint (Admin > Functions) oder starten Sie den Sidecar damit.',
  flux_forbidden:
    'FLUX hat den API-Schlüssel abgelehnt ({status}): Prüfen Sie FLUX_API_KEY oder erstellen Sie einen Schlüssel unter {dashboard}',
  flux_out_of_credits:
    'Das FLUX-Konto hat kein Guthaben mehr (402): Laden Sie es unter {dashboard} auf und senden Sie erneut.',
  flux_bad_request: 'FLUX hat die Anfrage abgelehnt (400){detail}. Prüfen Sie den Prompt und die Parameter.',
  flux_validation: 'FLUX hat die Parameter abgelehnt (422){detail}.',
  'flux_validation.fields': 'FLUX hat {fields} abgelehnt (422): Ändern Sie den Wert und senden Sie erneut.',
  'invalid_request.outpaint_cuts':
    'Offline kann Outpaint nur Fläche um das ganze Bild hinzufügen: Ziehen Sie den Rahmen so, dass er das ganze Bild enthält, oder nutzen Sie FLUX.',
  'invalid_request.outpaint_empty':
    'Outpaint braucht einen Rahmen, der größer als das Bild ist: Ziehen Sie seine Kanten nach außen.',
  'flux_rate_limited.retrying':
    'FLUX hat zu viele aktive Aufträge für diesen API-Schlüssel (429); neuer Versuch in etwa {seconds} s.',
  flux_server_error: 'FLUX hatte einen Serverfehler ({status}). Versuchen Sie es in einer Minute erneut.',
  flux_http_error: 'FLUX antwortete mit HTTP {status}{detail}.',
  flux_timeout:
    'FLUX ist nicht innerhalb von {seconds} s fertig geworden (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Erhöhen Sie die Werte oder senden Sie später erneut.',
  flux_request_moderated:
    'FLUX hat das Eingabebild oder den Prompt abgelehnt (Request Moderated). Ändern Sie den Prompt oder das Bild, oder erhöhen Sie SAFETY_TOLERANCE (0 am strengsten). Ob es berechnet wurde, ist nicht dokumentiert: siehe {dashboard}.',
  'flux_request_moderated.reasons':
    'FLUX hat das Eingabebild oder den Prompt abgelehnt (Request Moderated) (angegebene Gründe: {reasons}). Ändern Sie den Prompt oder das Bild, oder erhöhen Sie SAFETY_TOLERANCE (0 am strengsten). Ob es berechnet wurde, ist nicht dokumentiert: siehe {dashboard}.',
  flux_content_moderated:
    'FLUX hat ein Bild erzeugt, aber zurückgehalten (Content Moderated). Versuchen Sie einen anderen Prompt oder erhöhen Sie SAFETY_TOLERANCE (0 am strengsten). Ob es berechnet wurde, ist nicht dokumentiert: siehe {dashboard}.',
  'flux_content_moderated.reasons':
    'FLUX hat ein Bild erzeugt, aber zurückgehalten (Content Moderated) (angegebene Gründe: {reasons}). Versuchen Sie einen anderen Prompt oder erhöhen Sie SAFETY_TOLERANCE (0 am strengsten). Ob es berechnet wurde, ist nicht dokumentiert: siehe {dashboard}.',
  flux_task_error: 'FLUX konnte das Bild nicht erzeugen ({status}). Senden Sie die Bearbeitung erneut.',
  'flux_task_error.reasons':
    'FLUX konnte das Bild nicht erzeugen ({status}): {reasons}. Senden Sie die Bearbeitung erneut.',
  flux_task_not_found:
    'FLUX kennt diesen Auftrag nicht mehr (Task not found): Er ist abgelaufen (Ergebnisse bleiben etwa 10 Minuten erhalten) oder wurde in der falschen Region abgefragt. Wenn FLUX_API_URL eine Region nennt (api.eu.bfl.ai, api.us.bfl.ai), muss es die des Schlüssels sein; senden Sie die Bearbeitung dann erneut.',
  result_expired:
    'Der Ergebnislink ist abgelaufen, bevor er heruntergeladen werden konnte (HTTP {status}). Senden Sie die Bearbeitung erneut.',
  'flux_bad_response.no_link': 'FLUX meldete das Bild als fertig, gab aber keinen Download-Link; senden Sie erneut.',
  'result_download_failed.http': 'Das Herunterladen des Ergebnisses schlug mit HTTP {status} fehl.',
  result_truncated: 'Der Download des Ergebnisses endete vorzeitig ({received} von {declared} Bytes).',
  result_too_large: 'Das Ergebnis ist größer als {mb} MB (FLUX_INPAINT_MAX_RESULT_MB).',
  tool_no_image:
    'In diesem Chat gibt es kein Bild zum Bearbeiten: Laden Sie zuerst eines hoch (oder lassen Sie eines erzeugen), dann fragen Sie erneut.',
  bridge_closed: 'Open WebUI hat die Verbindung zum Sidecar geschlossen.',
  bridge_ended: 'Die Sitzung ist beendet.',
  page_gone: 'Die Seite von Open WebUI antwortet nicht mehr (Tab geschlossen oder neu geladen).',
};
