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
  'flux_out_of_credits.low':
    'Ihr FLUX-Guthaben beträgt {balance} Credits; {model} kostet mindestens {needed}. FLUX lehnt den Auftrag womöglich ab (402): Laden Sie unter {dashboard} auf.',
  flux_bad_request: 'FLUX hat die Anfrage abgelehnt (400){detail}. Prüfen Sie den Prompt und die Parameter.',
  flux_validation: 'FLUX hat die Parameter abgelehnt (422){detail}.',
  'flux_validation.fields': 'FLUX hat {fields} abgelehnt (422): Ändern Sie den Wert und senden Sie erneut.',
  'flux_model_unavailable.model':
    'FLUX hat keinen Endpunkt „{model}“ unter {url} (404): Die API hat dieses Modell vielleicht eingestellt. Wählen Sie ein anderes Modell oder prüfen Sie FLUX_API_URL.',
  'flux_model_unavailable.url':
    'FLUX hat keinen Endpunkt unter {url} (404): Die API hat dieses Modell vielleicht eingestellt. Wählen Sie ein anderes Modell oder prüfen Sie FLUX_API_URL.',
  'flux_rate_limited.gave_up_unsent':
    'Aufgegeben: FLUX hat zu viele aktive Aufgaben für diesen API-Schlüssel (429) und bat, {wait} s zu warten, länger als das Zeitbudget dieses Auftrags von {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Der Auftrag wurde nicht gesendet, es wurde also nichts berechnet. Senden Sie erneut, wenn weniger Aufträge laufen, oder erhöhen Sie das Budget.',
  'flux_rate_limited.gave_up_sent':
    'Aufgegeben: FLUX hat zu viele aktive Aufgaben für diesen API-Schlüssel (429) und bat, {wait} s zu warten, länger als das Zeitbudget dieses Auftrags von {budget} s (POLL_INTERVAL x MAX_POLL_ATTEMPTS). Die Aufgabe war schon angenommen (und berechnet); ihr Ergebnis konnte nicht rechtzeitig geholt werden. Senden Sie erneut, wenn weniger Aufträge laufen, oder erhöhen Sie das Budget.',
  'result_download_timeout.budget':
    'Der Ergebnis-Host {origin} hat das Ergebnis nicht innerhalb der {seconds} s dieses Auftrags (POLL_INTERVAL x MAX_POLL_ATTEMPTS) geliefert; der Download wurde abgebrochen.',
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
  invalid_json: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  'invalid_json.detail': 'Der Inhalt ist kein gültiges JSON: {detail}',
  request_too_large: 'Die Anfrage ist zu groß: Verwenden Sie ein kleineres Bild (FLUX_INPAINT_MAX_IMAGE_MB).',
  'request_too_large.editor':
    'Der Editor hat mehr als {mb} MB auf einmal gesendet: Verwenden Sie kleinere Bilder oder weniger Referenzen.',
  unsupported_media_type: 'Senden Sie JSON (application/json) oder multipart/form-data.',
  method_not_allowed: '{path} nimmt {method} nicht an; erlaubt ist {allowed}.',
  not_found: 'Keine Route {method} {path}.',
  'internal_error.sidecar': 'Unerwarteter Fehler im Sidecar; Details stehen in seinem Log.',
  'invalid_request.empty_body': 'Der Inhalt der Anfrage ist leer oder seine Länge stimmt nicht.',
  'invalid_request.multipart': 'Der Multipart-Inhalt ist fehlerhaft ({detail}): Senden Sie die Felder erneut.',
  'invalid_request.url': 'Die URL oder die Header der Anfrage sind ungültig ({reason}).',
  'invalid_request.too_long': '{field}: höchstens {max} Zeichen.',
  'invalid_request.too_short': '{field}: mindestens {min} Zeichen.',
  'invalid_request.too_big': '{field}: höchstens {max}.',
  'invalid_request.too_small': '{field}: mindestens {min}.',
  'invalid_request.too_many': '{field}: höchstens {max} Einträge.',
  'invalid_request.too_few': '{field}: mindestens {min} Einträge.',
  'invalid_request.type': '{field}: {expected} erwartet.',
  'invalid_request.required': '{field}: wird benötigt.',
  'invalid_request.choice': '{field}: muss einer dieser Werte sein: {options}.',
  'invalid_request.format': '{field}: kein gültiges {format}.',
  'invalid_request.unknown_keys': '{field}: unbekanntes Feld {keys}.',
  'invalid_request.rule': '{field}: {rule}',
  'invalid_request.whole': '{field}: muss eine ganze Zahl sein.',
  'invalid_request.between': '{field}: muss zwischen {min} und {max} liegen.',
  'invalid_request.base64': '{field}: muss Base64-Text sein (ein data:-URL-Präfix und Zeilenumbrüche sind erlaubt).',
  'invalid_request.image_source':
    '{field}: muss ein Bild des Chats nennen („ref“), ein früheres Ergebnis („job“) oder das Bild mitbringen („data“, Base64, mit „mime“).',
  'invalid_request.reference_source':
    '{field}: muss ein Bild des Chats nennen („ref“) oder das Bild mitbringen („data“, Base64, mit „mime“).',
  'invalid_request.mask_shape':
    '{field}: muss ein Base64-PNG sein oder eine Rohmaske („format“: „raw“, „width“, „height“, „data“).',
  'invalid_request.mask_encoding': '{field}: muss „deflate“ sein oder fehlen.',
  'invalid_request.mask_deflate': '{field}: muss Deflate-Daten (zlib) von genau Breite x Höhe Bytes enthalten.',
  'invalid_request.mask_size': '{field}: muss genau Breite x Höhe Bytes enthalten (ein Byte pro Pixel).',
  'invalid_request.crop_outside': '{field}: Der Ausschnitt muss innerhalb des Bildes liegen.',
  'invalid_request.params_object': '{field}: muss ein Objekt mit den Feldern des Modells sein.',
  'invalid_request.finetune_id':
    '{field}: muss die Fine-Tune-ID aus dem BFL-Dashboard sein (Buchstaben, Ziffern, _ und -).',
  'invalid_request.needs_instruction':
    '{field}: {model} braucht eine Anweisung: Schreiben Sie, was sich im Bild ändern soll.',
  'invalid_request.outpaint_canvas':
    '{field}: {model} braucht die Leinwand: width und height (ab 64 px) und wo das Bild darauf sitzt (reference_offset_x, reference_offset_y; fehlen sie, mittig).',
  'invalid_request.references_max':
    '{field}: {model} nimmt außer dem Bild höchstens {max} Referenzbilder (erhalten: {count}).',
  'invalid_request.references_none': '{field}: {model} nimmt keine Referenzbilder.',
  'invalid_request.output_format': '{field}: {model} kann kein {format} liefern; wählen Sie eines von {formats}.',
  'invalid_request.model_field': '{field}: {model} hat kein Feld {keys}.',
  'invalid_request.http_url': '{field}: muss eine http(s)-URL sein wie {example}.',
  'invalid_request.protocol':
    '{field}: Dieser Sidecar spricht das Bridge-Protokoll {protocol}: Aktualisieren Sie die FLUX-Inpaint-Funktion, damit beide übereinstimmen.',
  'invalid_request.nonce': '{field}: muss aus 16 bis 128 URL-sicheren Zeichen bestehen.',
  'invalid_request.ref':
    '{field}: "ref" bezeichnet ein Bild eines Open WebUI-Chats und funktioniert nur im Editor dort; senden Sie "data" (Base64) oder "job".',
  'invalid_request.expand_none': 'Erweitern braucht mindestens eine Seite größer als 0.',
  'rate_limited.challenges':
    'Zu viele Sitzungs-Challenges von {ip}: höchstens {max} pro Minute (FLUX_INPAINT_CHALLENGE_LIMIT). Versuchen Sie es in {seconds} s erneut.',
  'rate_limited.sessions':
    'Zu viele Inpaint-Sitzungen: höchstens {max} pro Minute (FLUX_INPAINT_RATE_LIMIT). Versuchen Sie es in {seconds} s erneut.',
  'rate_limited.jobs':
    'Zu viele neue Aufträge: höchstens {max} pro Minute (FLUX_INPAINT_RATE_LIMIT). Versuchen Sie es in {seconds} s erneut.',
  'settings_invalid.field':
    'Die Editor-Einstellung {field} wurde abgelehnt: Setzen Sie die Einstellungen im Editor zurück.',
  'settings_invalid.too_large': 'Die Editor-Einstellungen sind zu groß: Setzen Sie sie im Editor zurück.',
  user_invalid: 'Zum Speichern der Einstellungen wird eine Benutzer-ID mit 1 bis {max} Zeichen gebraucht.',
  'provider_unavailable.flux':
    'Der FLUX-Anbieter ist nicht verfügbar: Starten Sie den Sidecar mit gesetztem FLUX_API_KEY.',
  'provider_unavailable.disabled': 'Der Anbieter "{provider}" ist nicht aktiviert (FLUX_INPAINT_PROVIDER).',
  'result_gone.deleted':
    'Das Ergebnis von Auftrag {id} ist nicht mehr auf der Festplatte (gelöscht oder nach FLUX_INPAINT_KEEP_RESULTS_DAYS entfernt). Senden Sie die Bearbeitung erneut, um ein neues zu erzeugen.',
  disk_full:
    'Die Festplatte mit dem Datenordner des Sidecars ist voll: Geben Sie Platz frei (oder verlegen Sie FLUX_INPAINT_DATA_DIR).',
  data_dir_not_writable:
    'Der Sidecar kann nicht in seinen Datenordner schreiben ({reason}): Machen Sie FLUX_INPAINT_DATA_DIR für den Benutzer beschreibbar, unter dem der Sidecar läuft.',
  storage_error: 'Der Sidecar konnte nicht in seinen Datenordner schreiben ({reason}).',
  image_empty: 'Das Bild ist leer.',
  'image_empty.mask': 'Die Maskendatei ist leer.',
  'image_empty.reference': 'Referenzbild {n} ist leer.',
  image_too_large:
    'Das Bild hat {size} MB; die Grenze liegt bei {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Verwenden Sie ein kleineres Bild.',
  'image_too_large.mask': 'Die Maske hat {size} MB; die Grenze liegt bei {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB).',
  'image_too_large.reference':
    'Referenzbild {n} hat {size} MB; die Grenze liegt bei {limit} MB (FLUX_INPAINT_MAX_IMAGE_MB). Verwenden Sie ein kleineres Bild.',
  'image_too_large.link': 'Das Bild auf {host} ist größer als erlaubt (FLUX_INPAINT_MAX_IMAGE_MB).',
  image_too_many_pixels:
    'Das Bild hat mehr als {mp} Megapixel (FLUX_INPAINT_MAX_IMAGE_MP). Verwenden Sie ein kleineres Bild.',
  'image_too_many_pixels.mask': 'Die Maske hat mehr als {mp} Megapixel (FLUX_INPAINT_MAX_IMAGE_MP).',
  'image_too_many_pixels.reference':
    'Referenzbild {n} hat mehr als {mp} Megapixel (FLUX_INPAINT_MAX_IMAGE_MP). Verwenden Sie ein kleineres Bild.',
  image_unreadable: 'Das Bild ist kein lesbares PNG-, JPEG- oder WebP-Bild.',
  'image_unreadable.mask': 'Die Maske ist kein lesbares PNG-, JPEG- oder WebP-Bild.',
  'image_unreadable.reference': 'Referenzbild {n} ist kein lesbares PNG-, JPEG- oder WebP-Bild.',
  'image_unreadable.data_url': 'Das Bild im Chat ist eine nicht unterstützte data:-URL.',
  image_unsupported: 'Das Bild muss PNG, JPEG oder WebP sein (erhalten: {format}).',
  'image_unsupported.mask': 'Die Maske muss PNG, JPEG oder WebP sein (erhalten: {format}).',
  'image_unsupported.reference': 'Referenzbild {n} muss PNG, JPEG oder WebP sein (erhalten: {format}).',
  'image_unsupported.link': 'Der Link auf {host} ist kein Bild ({type}).',
  mask_aspect_mismatch:
    'Die Maske ist {mask}, das Bild aber {image}: Sie müssen dasselbe Seitenverhältnis haben. Laden Sie den Editor neu und malen Sie erneut.',
  'invalid_mask.size': 'Die Maske ist {mask}, das Bild aber {image}; senden Sie eine Maske in der Größe des Bildes.',
  'invalid_image.channels': 'Nach der Umwandlung wurde ein Bild mit {expected} Kanal/Kanälen erwartet, es hat {got}.',
  'image_not_found.gone': '{field}: Dieses Bild ist nicht mehr verfügbar: Laden Sie den Editor neu.',
  'image_not_found.job': 'Ein früheres Ergebnis bearbeiten Sie im Chat, indem Sie darunter auf Inpaint klicken.',
  'image_fetch_failed.redirects': 'Der Bildlink leitet zu oft weiter.',
  'image_fetch_failed.network': 'Das Bild von {host} konnte nicht geladen werden: {reason}',
  'image_fetch_failed.http': 'Das Bild von {host} konnte nicht geladen werden (HTTP {status}).',
  image_fetch_timeout:
    'Das Bild auf {host} kam nicht innerhalb von {seconds} s an; dieser Server ist zu langsam. Speichern Sie das Bild und laden Sie es stattdessen in den Editor.',
  'image_url_refused.invalid': 'Der Chat verlinkt auf "{link}", das ist kein gültiger Link.',
  'image_url_refused.redirect': '{host} leitet weiter auf "{link}", das ist kein gültiger Link.',
  'image_url_refused.scheme': 'Der Bildlink {origin} wurde nicht geladen: Nur http- und https-Links werden geladen.',
  'image_url_refused.credentials':
    'Der Bildlink {origin} wurde nicht geladen: Links mit Zugangsdaten werden nicht geladen.',
  'image_url_refused.private': 'Der Bildlink {origin} wurde nicht geladen: Er zeigt in ein privates Netz.',
  'expand_too_large.local':
    'Das Erweitern ergäbe ein Bild von {size} ({mp} Megapixel); der lokale Anbieter schafft höchstens {max}. Erweitern Sie weniger oder verwenden Sie ein kleineres Bild.',
  'unsupported.local': 'Der lokale Anbieter kann {model} nicht; setzen Sie FLUX_API_KEY, um FLUX zu nutzen.',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}: Dort gibt es keine Datei. Laden Sie ein Modell herunter (npm run download-model -- lama) und lassen Sie FLUX_INPAINT_LOCAL_MODEL darauf zeigen, oder entfernen Sie die Einstellung, um die klassische Füllung zu nutzen.',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} ließ sich nicht als ONNX-Modell laden ({detail}). Die Datei ist vielleicht unvollständig oder beschädigt: Laden Sie sie erneut herunter (npm run download-model -- lama prüft sie), oder entfernen Sie FLUX_INPAINT_LOCAL_MODEL, um die klassische Füllung zu nutzen.',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} ist kein Inpainting-Modell, das dieser Sidecar ausführen kann: {detail}. Verwenden Sie einen LaMa- oder MI-GAN-Export (README: "Model fill"), oder entfernen Sie FLUX_INPAINT_LOCAL_MODEL, um die klassische Füllung zu nutzen.',
  'local_model_unsupported.output':
    'Das Modell in FLUX_INPAINT_LOCAL_MODEL lieferte {got} Werte statt {expected} (3 x {height} x {width}). Verwenden Sie einen LaMa- oder MI-GAN-Export, oder entfernen Sie FLUX_INPAINT_LOCAL_MODEL, um die klassische Füllung zu nutzen.',
  local_model_timeout:
    'Das Modell in FLUX_INPAINT_LOCAL_MODEL={file} brauchte länger als FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} s. Erhöhen Sie den Wert, verwenden Sie ein kleineres Modell (MI-GAN), oder entfernen Sie FLUX_INPAINT_LOCAL_MODEL, um die klassische Füllung zu nutzen.',
  flux_unreachable: 'FLUX unter {origin} ist nicht erreichbar ({reason}): Prüfen Sie das Netzwerk und FLUX_API_URL.',
  flux_connection_lost: 'Die Verbindung zu FLUX unter {origin} ist abgebrochen ({reason}).',
  'flux_untrusted_polling_url.not_url': 'FLUX hat eine Polling-URL geliefert, die keine URL ist ({url}).',
  flux_untrusted_polling_url:
    'FLUX hat eine Polling-URL auf {origin} geliefert, die nicht zu {api} gehört; der API-Schlüssel wird dorthin nicht gesendet.',
  flux_no_polling_url:
    'FLUX hat den Auftrag angenommen (Task {id}), aber keine polling_url geliefert, also lässt sich das Ergebnis nicht abholen. Er wurde vielleicht berechnet: Sehen Sie unter {dashboard} nach.',
  'flux_bad_response.not_json':
    'FLUX unter {origin} hat nicht mit dem erwarteten JSON geantwortet; versuchen Sie es erneut.',
  'result_not_image.type': 'Das Ergebnis ist kein Bild (content-type "{type}").',
  'result_not_image.data':
    'Der Ergebnis-Host hat statt eines PNG-, JPEG- oder WebP-Bildes Daten gesendet, die kein Bild sind; sie wurden nicht behalten. Senden Sie die Bearbeitung erneut; wenn es wieder passiert, prüfen Sie FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.format':
    'Der Ergebnis-Host hat statt eines PNG-, JPEG- oder WebP-Bildes eine Datei vom Typ {format} gesendet; sie wurde nicht behalten. Senden Sie die Bearbeitung erneut; wenn es wieder passiert, prüfen Sie FLUX_INPAINT_RESULT_HOSTS.',
  'result_not_image.broken':
    'Der Ergebnis-Host hat statt eines PNG-, JPEG- oder WebP-Bildes eine beschädigte {format}-Datei gesendet; sie wurde nicht behalten. Senden Sie die Bearbeitung erneut; wenn es wieder passiert, prüfen Sie FLUX_INPAINT_RESULT_HOSTS.',
  'result_too_large.pixels':
    'Das Ergebnis hat {size} Pixel, mehr als die {mp} Megapixel, die ein FLUX-Ergebnis haben kann; es wurde nicht behalten. Senden Sie die Bearbeitung erneut.',
  'result_host_refused.not_url':
    'FLUX hat ein Ergebnis auf {origin} geliefert, das nicht heruntergeladen wurde: Es ist keine URL.',
  'result_host_refused.credentials':
    'FLUX hat ein Ergebnis auf {origin} geliefert, das nicht heruntergeladen wurde: Links mit Zugangsdaten werden nicht heruntergeladen.',
  'result_host_refused.not_listed':
    'FLUX hat ein Ergebnis auf {origin} geliefert, das nicht heruntergeladen wurde: Der Host steht nicht in FLUX_INPAINT_RESULT_HOSTS (eine strikte Liste, wenn gesetzt; leer lassen, um jeden öffentlichen https-Host anzunehmen).',
  'result_host_refused.not_https':
    'FLUX hat ein Ergebnis auf {origin} geliefert, das nicht heruntergeladen wurde: Es ist kein https.',
  'result_host_refused.private':
    'FLUX hat ein Ergebnis auf {origin} geliefert, das nicht heruntergeladen wurde: Der Host löst zu einer privaten Netzadresse auf; wenn er Ihnen gehört, tragen Sie seinen Origin in FLUX_INPAINT_PRIVATE_ORIGINS ein.',
  'result_download_timeout.host':
    'Der Ergebnis-Host {origin} hat das Ergebnis nicht innerhalb von {seconds} s geliefert; der Download wurde abgebrochen.',
  'result_download_failed.network': 'Das Herunterladen des Ergebnisses von {origin} ist fehlgeschlagen ({reason}).',
  protocol_mismatch:
    'Dieser Sidecar spricht Bridge-Protokoll {protocol}: Aktualisieren Sie die Funktion FLUX Inpaint in Open WebUI (Admin > Functions) auf die Version, die mit diesem Sidecar ausgeliefert wird.',
  'invalid_request.key_not_sealed':
    'valves.FLUX_API_KEY ist nicht mit dem Schlüssel dieser Sitzung versiegelt: Aktualisieren Sie die Funktion FLUX Inpaint in Open WebUI.',
  'invalid_request.editor_part':
    'Der Editor hat einen fehlerhaften Teil einer Nachricht gesendet: Schließen Sie ihn und klicken Sie erneut auf Inpaint.',
  'invalid_request.editor_parts':
    'Der Editor hat Teile einer Nachricht gesendet, die nicht zusammenpassen: Klicken Sie erneut auf Inpaint.',
  'invalid_request.editor_message':
    'Der Editor hat eine Nachricht gesendet, die sich nicht lesen lässt: Klicken Sie erneut auf Inpaint.',
  session_not_found: 'Keine offene Sitzung "{session}" (sie ist beendet oder der Sidecar wurde neu gestartet).',
  op_not_found: 'Sitzung {session} wartet nicht auf Op {op}.',
  'unauthorized.reply_mac': 'Die Antwort trägt kein gültiges X-Flux-Inpaint-Mac für diese Sitzung.',
  'unauthorized.no_auth':
    'Die Anfrage trägt keinen gültigen X-Flux-Inpaint-Auth-Header: Aktualisieren Sie die Funktion FLUX Inpaint in Open WebUI auf die Version, die zu diesem Sidecar passt.',
  'unauthorized.challenge':
    'Die Sitzungs-Challenge ist unbekannt, verbraucht oder abgelaufen: Klicken Sie erneut auf Inpaint.',
  'unauthorized.token':
    'Falsches SIDECAR_TOKEN: Kopieren Sie das Token, das der Sidecar beim ersten Start ausgegeben hat (auch in <data dir>/token), in das Valve SIDECAR_TOKEN.',
  bridge_timeout: 'Open WebUI hat auf "{op}" nicht rechtzeitig geantwortet.',
  host_script_failed: 'Die Editor-Weiterleitung ist in der Open WebUI-Seite fehlgeschlagen: {reason}.',
  'host_script_failed.silent':
    'Die Editor-Weiterleitung ist in der Open WebUI-Seite fehlgeschlagen: Es kam keine Antwort.',
  unknown_method: 'Der Sidecar kennt "{method}" nicht.',
  translation_empty: 'Das Chat-Modell hat keine brauchbare Übersetzung geliefert.',
  'owui_not_found.image_file': 'Die Datei dieses Bildes fehlt im Speicher von Open WebUI.',
  'owui_not_found.file': 'Dieses Bild ist nicht in den Dateien von Open WebUI (es wurde vielleicht gelöscht).',
  'owui_not_found.parent': 'Die Nachricht, auf die geantwortet werden soll, ist nicht mehr im Chat.',
  'owui_forbidden.not_owui_image': 'Gelesen werden nur Bilder von Open WebUI (/api/v1/files, Datei-IDs, /cache).',
  'owui_forbidden.not_in_chat': 'Gelesen werden nur Bilder, auf die dieser Chat verweist.',
  'owui_forbidden.not_shared': 'Dieses Bild gehört einem anderen Benutzer und ist nicht mit Ihnen geteilt.',
  'owui_forbidden.not_added': 'Entfernt werden kann nur eine Nachricht, die diese Sitzung hinzugefügt hat.',
  'owui_invalid.image_file': 'Dieses Bild ist zu groß oder keine PNG-, JPEG- oder WebP-Datei.',
  'owui_invalid.not_image': 'Diese Datei ist kein PNG-, JPEG- oder WebP-Bild.',
  'owui_invalid.save_type': 'Gespeichert werden nur PNG-, JPEG- oder WebP-Bilder (Typ und Inhalt stimmen überein).',
  'owui_unsupported.no_page': 'Mit dieser Aktion ist keine Browserseite verbunden.',
  'owui_unsupported.remove': 'Open WebUI vor 0.10 kann keine Nachricht entfernen.',
  'owui_failed.record_file': 'Open WebUI konnte das Bild nicht in seinen Dateien verzeichnen.',
  'owui_failed.no_answer':
    'Das Modell hat nicht geantwortet (ist es ein Chatmodell, das ohne Streaming antworten kann?).',
  'owui_failed.write_message': 'Open WebUI konnte die Nachricht nicht in den Chat schreiben.',
  'owui_timeout.page': 'Die Browserseite hat nicht rechtzeitig geantwortet.',
  'owui_unknown_op.update':
    'Die Funktion kennt diesen Vorgang nicht: Aktualisieren Sie sie auf die Version des Sidecars.',
  'owui_failed.exception': 'In der FLUX-Inpaint-Funktion ist in Open WebUI ein Fehler aufgetreten ({detail}).',
  'owui_invalid.no_url': 'Open WebUI hat das Bild gespeichert, aber keine brauchbare URL zurückgegeben.',
  'owui_invalid.no_data': 'Open WebUI hat keine Bilddaten zurückgegeben.',
  'tool_image_not_found.too_few':
    'Kein Bild in diesem Chat passt zu "{which}" (es gibt nur {count}). Der Chat hat {count}: {list}. Fragen Sie nach, welches, oder verwenden Sie which="latest".',
  'tool_image_not_found.no_words':
    'Kein Bild in diesem Chat passt zu "{which}" (keines wurde mit diesen Worten beschrieben). Der Chat hat {count}: {list}. Fragen Sie nach, welches, oder verwenden Sie which="latest".',
  'invalid_request.below': '{field}: weniger als {max}.',
  'invalid_request.above': '{field}: mehr als {min}.',
  'unauthorized.wrong_token':
    'Falsches Token: Verwenden Sie das Token, das der Sidecar beim ersten Start ausgegeben hat (auch in seinem Datenordner, Datei "token"), oder FLUX_INPAINT_TOKEN.',
  'unauthorized.missing_token':
    'Token fehlt: Senden Sie "Authorization: Bearer <token>" (das Token, das der Sidecar beim ersten Start ausgegeben hat).',
  'invalid_request.job_id': '{field}: keine Auftrags-ID.',

  // Jobs and the data dir lock
  job_not_found: 'Kein Auftrag mit der ID „{id}“.',
  result_not_ready: 'Auftrag {id} hat noch kein Ergebnis (Zustand: {state}).',
  job_inputs_missing:
    'Die Eingaben von Auftrag {id} sind nicht mehr im Datenverzeichnis: Senden Sie die Bearbeitung erneut.',
  'job_entry_unknown.retired':
    'Dieser Auftrag, „{prompt}“, verlangte {model}, das diese Version nicht mehr anbietet. Er hat FLUX nie erreicht, es wurde also nichts berechnet: Senden Sie die Bearbeitung mit einem anderen Modell erneut.',
  'job_entry_unknown.fields':
    'Dieser Auftrag, „{prompt}“, stammt aus einer früheren Version und hat einen Wert, den diese Version nicht annimmt ({field}). Er hat FLUX nie erreicht, es wurde also nichts berechnet: Senden Sie die Bearbeitung erneut.',
  'job_entry_unknown.other_version':
    'Dieser Auftrag, „{prompt}“, wurde von einer anderen Version des Sidecars gespeichert (Zustand „{state}“) und beendet: Sehen Sie unter {dashboard} nach, bevor Sie ihn erneut senden, er wurde vielleicht berechnet.',
  data_dir_in_use:
    'Ein anderer flux-inpaint-Sidecar (PID {pid}) nutzt das Datenverzeichnis {dir}: Beenden Sie ihn zuerst oder geben Sie diesem ein eigenes FLUX_INPAINT_DATA_DIR.',
  'data_dir_in_use.unknown_pid':
    'Ein anderer flux-inpaint-Sidecar nutzt das Datenverzeichnis {dir}: Beenden Sie ihn zuerst oder geben Sie diesem ein eigenes FLUX_INPAINT_DATA_DIR.',
};
