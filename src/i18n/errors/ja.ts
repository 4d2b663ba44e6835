import type { ErrorCatalogue } from './index.js';

export const ja: ErrorCatalogue = {
  shutting_down:
    'sidecar を終了しています。再開したらもう一度送信してください（実行中のジョブは再起動時に再開されます）。',
  cancelled: 'キャンセルしました。',
  mask_required: 'マスクが必要です。画像の変更したい部分を塗ってください。',
  mask_empty: 'マスクが空です。画像の変更したい部分を塗ってから、もう一度送信してください。',
  mask_full:
    'マスクが画像全体を覆っているため、塗りつぶしの元になる部分がありません。画像の一部を塗らずに残してください。',
  crop_too_small: '切り抜きが 16x16 ピクセルより小さいです。もっと広い範囲を選んでください。',
  flux_key_missing:
    'FLUX の API キーがありません。FLUX Inpaint 関数の valves（Admin > Functions）で FLUX_API_KEY を設定するか、それを指定して sidecar を起動してください。',
  flux_forbidden:
    'FLUX が API キーを拒否しました（{status}）。FLUX_API_KEY を確認するか、{dashboard} でキーを作成してください',
  flux_out_of_credits:
    'FLUX アカウントのクレジットが不足しています（402）。{dashboard} でチャージしてから、もう一度送信してください。',
  'flux_out_of_credits.low':
    'FLUX の残高は {balance} クレジットです。{model} には最低 {needed} かかります。FLUX がジョブを拒否するかもしれません（402）。{dashboard} でチャージしてください。',
  flux_bad_request: 'FLUX がリクエストを拒否しました（400）{detail}。プロンプトとパラメーターを確認してください。',
  flux_validation: 'FLUX がパラメーターを拒否しました（422）{detail}。',
  'flux_validation.fields': 'FLUX が {fields} を拒否しました（422）。値を変更して、もう一度送信してください。',
  'flux_model_unavailable.model':
    'FLUX には {url} に「{model}」のエンドポイントがありません（404）。API がこのモデルを廃止した可能性があります。別のモデルを選ぶか、FLUX_API_URL を確認してください。',
  'flux_model_unavailable.url':
    'FLUX には {url} にエンドポイントがありません（404）。API がこのモデルを廃止した可能性があります。別のモデルを選ぶか、FLUX_API_URL を確認してください。',
  'flux_rate_limited.gave_up_unsent':
    '中止しました: この API キーでは FLUX の実行中タスクが多すぎ（429）、{wait} 秒待つよう求められました。これはこのジョブの持ち時間 {budget} 秒（POLL_INTERVAL x MAX_POLL_ATTEMPTS）より長い時間です。ジョブは送信されていないので、料金はかかっていません。実行中のジョブが減ってから送り直すか、持ち時間を増やしてください。',
  'flux_rate_limited.gave_up_sent':
    '中止しました: この API キーでは FLUX の実行中タスクが多すぎ（429）、{wait} 秒待つよう求められました。これはこのジョブの持ち時間 {budget} 秒（POLL_INTERVAL x MAX_POLL_ATTEMPTS）より長い時間です。タスクはすでに受け付けられ（課金され）ましたが、結果を時間内に取得できませんでした。実行中のジョブが減ってから送り直すか、持ち時間を増やしてください。',
  'result_download_timeout.budget':
    '結果ホスト {origin} がジョブの持ち時間 {seconds} 秒（POLL_INTERVAL x MAX_POLL_ATTEMPTS）以内に結果を返さなかったため、ダウンロードを中止しました。',
  'invalid_request.outpaint_cuts':
    'オフラインの Outpaint は画像全体の周りにキャンバスを足すことしかできません。画像全体が入るように枠をドラッグするか、FLUX を使ってください。',
  'invalid_request.outpaint_empty': 'Outpaint には画像より大きい枠が必要です。枠の端を外側へドラッグしてください。',
  'flux_rate_limited.retrying':
    'この API キーで FLUX 上の実行中タスクが多すぎます（429）。約 {seconds} 秒後に再試行します。',
  flux_server_error: 'FLUX でサーバーエラーが発生しました（{status}）。1 分後にもう一度お試しください。',
  flux_http_error: 'FLUX が HTTP {status} を返しました{detail}。',
  flux_timeout:
    'FLUX が {seconds} 秒以内に完了しませんでした（POLL_INTERVAL x MAX_POLL_ATTEMPTS）。値を上げるか、後でもう一度送信してください。',
  flux_request_moderated:
    'FLUX が入力画像またはプロンプトを拒否しました（Request Moderated）。プロンプトか画像を変えるか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  'flux_request_moderated.reasons':
    'FLUX が入力画像またはプロンプトを拒否しました（Request Moderated）（理由: {reasons}）。プロンプトか画像を変えるか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  flux_content_moderated:
    'FLUX は画像を生成しましたが、提供を保留しました（Content Moderated）。別のプロンプトを試すか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  'flux_content_moderated.reasons':
    'FLUX は画像を生成しましたが、提供を保留しました（Content Moderated）（理由: {reasons}）。別のプロンプトを試すか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  flux_task_error: 'FLUX は画像を生成できませんでした（{status}）。編集をもう一度送信してください。',
  'flux_task_error.reasons':
    'FLUX は画像を生成できませんでした（{status}）: {reasons}。編集をもう一度送信してください。',
  flux_task_not_found:
    'FLUX はこのタスクをもう認識していません（Task not found）。期限切れ（結果の保持は約 10 分）か、別のリージョンに問い合わせました。FLUX_API_URL がリージョン（api.eu.bfl.ai、api.us.bfl.ai）を指定している場合は、キーのリージョンであることを確認し、編集をもう一度送信してください。',
  result_expired:
    '結果のリンクがダウンロード前に期限切れになりました（HTTP {status}）。編集をもう一度送信してください。',
  'flux_bad_response.no_link':
    'FLUX は画像の完成を報告しましたが、ダウンロードリンクがありません。もう一度送信してください。',
  'result_download_failed.http': '結果のダウンロードが HTTP {status} で失敗しました。',
  result_truncated: '結果のダウンロードが途中で終わりました（{declared} バイト中 {received} バイト）。',
  result_too_large: '結果が {mb} MB を超えています（FLUX_INPAINT_MAX_RESULT_MB）。',
  tool_no_image:
    'このチャットには編集できる画像がありません。先に画像をアップロード（または生成）してから、もう一度依頼してください。',
  bridge_closed: 'Open WebUI が sidecar との接続を閉じました。',
  bridge_ended: 'セッションは終了しました。',
  page_gone: 'Open WebUI のページが応答しなくなりました（タブが閉じられたか再読み込みされました）。',
  invalid_json: 'リクエストの本文が正しい JSON ではありません。',
  'invalid_json.detail': '本文が正しい JSON ではありません: {detail}',
  request_too_large: 'リクエストが大きすぎます。小さい画像を使ってください（FLUX_INPAINT_MAX_IMAGE_MB）。',
  'request_too_large.editor':
    'エディターが一度に {mb} MB を超えるデータを送りました。小さい画像を使うか、参照画像を減らしてください。',
  unsupported_media_type: 'JSON（application/json）か multipart/form-data で送ってください。',
  method_not_allowed: '{path} は {method} を受け付けません。使えるのは {allowed} です。',
  not_found: 'ルート {method} {path} はありません。',
  'internal_error.sidecar': 'sidecar で予期しないエラーが起きました。詳細は sidecar のログにあります。',
  'invalid_request.empty_body': 'リクエストの本文が空か、長さが正しくありません。',
  'invalid_request.multipart': 'multipart の本文が壊れています（{detail}）。フィールドをもう一度送ってください。',
  'invalid_request.url': 'リクエストの URL かヘッダーが正しくありません（{reason}）。',
  'invalid_request.too_long': '{field}: {max} 文字以内にしてください。',
  'invalid_request.too_short': '{field}: {min} 文字以上にしてください。',
  'invalid_request.too_big': '{field}: {max} 以下にしてください。',
  'invalid_request.too_small': '{field}: {min} 以上にしてください。',
  'invalid_request.too_many': '{field}: {max} 個以内にしてください。',
  'invalid_request.too_few': '{field}: {min} 個以上にしてください。',
  'invalid_request.type': '{field}: {expected} が必要です。',
  'invalid_request.required': '{field}: 必須です。',
  'invalid_request.choice': '{field}: 次のいずれかにしてください: {options}。',
  'invalid_request.format': '{field}: 正しい {format} ではありません。',
  'invalid_request.unknown_keys': '{field}: 不明なフィールド {keys} です。',
  'invalid_request.rule': '{field}: {rule}',
  'invalid_request.whole': '{field}: 整数にしてください。',
  'invalid_request.between': '{field}: {min} から {max} の間にしてください。',
  'invalid_request.base64': '{field}: base64 のテキストにしてください（data: URL の接頭辞と改行は使えます）。',
  'invalid_request.image_source':
    '{field}: チャットの画像（"ref"）、前の結果（"job"）を指すか、画像そのもの（"data"、base64、"mime" 付き）を入れてください。',
  'invalid_request.reference_source':
    '{field}: チャットの画像（"ref"）を指すか、画像そのもの（"data"、base64、"mime" 付き）を入れてください。',
  'invalid_request.mask_shape':
    '{field}: base64 の PNG か、raw マスク（"format": "raw"、"width"、"height"、"data"）にしてください。',
  'invalid_request.mask_encoding': '{field}: "deflate" にするか、省いてください。',
  'invalid_request.mask_deflate': '{field}: ちょうど 幅 x 高さ バイトになる deflate（zlib）データにしてください。',
  'invalid_request.mask_size': '{field}: ちょうど 幅 x 高さ バイト（1 ピクセル 1 バイト）にしてください。',
  'invalid_request.crop_outside': '{field}: 切り抜きは画像の内側に収めてください。',
  'invalid_request.params_object': '{field}: モデルのフィールドのオブジェクトにしてください。',
  'invalid_request.finetune_id': '{field}: BFL ダッシュボードのファインチューン ID（英数字、_ と -）にしてください。',
  'invalid_request.needs_instruction': '{field}: {model} には指示が必要です。画像の何を変えるかを書いてください。',
  'invalid_request.outpaint_canvas':
    '{field}: {model} にはキャンバスが必要です。width と height（64 px 以上）、その上の画像の位置（reference_offset_x、reference_offset_y。省くと中央）を指定してください。',
  'invalid_request.references_max':
    '{field}: {model} が受け付ける参照画像は元の画像のほかに最大 {max} 枚です（{count} 枚でした）。',
  'invalid_request.references_none': '{field}: {model} は参照画像を受け付けません。',
  'invalid_request.output_format': '{field}: {model} は {format} を出力できません。{formats} から選んでください。',
  'invalid_request.model_field': '{field}: {model} にはフィールド {keys} がありません。',
  'invalid_request.http_url': '{field}: {example} のような http(s) の URL にしてください。',
  'invalid_request.protocol':
    '{field}: この sidecar はブリッジプロトコル {protocol} を話します。FLUX Inpaint 関数を更新して合わせてください。',
  'invalid_request.nonce': '{field}: URL で使える 16〜128 文字にしてください。',
  'invalid_request.ref':
    '{field}: "ref" は Open WebUI のチャットの画像を指し、そのチャットのエディターでしか使えません。"data"（base64）か "job" を送ってください。',
  'invalid_request.expand_none': '拡張するには、少なくとも 1 辺を 0 より大きくしてください。',
  'rate_limited.challenges':
    '{ip} からのセッションチャレンジが多すぎます。1 分あたり最大 {max} 回です（FLUX_INPAINT_CHALLENGE_LIMIT）。{seconds} 秒後にもう一度試してください。',
  'rate_limited.sessions':
    'Inpaint セッションが多すぎます。1 分あたり最大 {max} 回です（FLUX_INPAINT_RATE_LIMIT）。{seconds} 秒後にもう一度試してください。',
  'rate_limited.jobs':
    '新しいジョブが多すぎます。1 分あたり最大 {max} 件です（FLUX_INPAINT_RATE_LIMIT）。{seconds} 秒後にもう一度試してください。',
  'settings_invalid.field': 'エディターの設定 {field} が拒否されました。エディターで設定をリセットしてください。',
  'settings_invalid.too_large': 'エディターの設定が大きすぎます。エディターでリセットしてください。',
  user_invalid: '設定を保存するには 1～{max} 文字のユーザー ID が必要です。',
  'provider_unavailable.flux': 'FLUX プロバイダーは使えません。FLUX_API_KEY を設定して sidecar を起動してください。',
  'provider_unavailable.disabled': 'プロバイダー "{provider}" は有効になっていません（FLUX_INPAINT_PROVIDER）。',
  'result_gone.deleted':
    'ジョブ {id} の結果はもうディスクにありません（削除されたか、FLUX_INPAINT_KEEP_RESULTS_DAYS を過ぎて消去されました）。新しい結果を作るには編集をもう一度送ってください。',
  disk_full:
    'sidecar のデータフォルダーがあるディスクがいっぱいです。空きを作ってください（または FLUX_INPAINT_DATA_DIR を移してください）。',
  data_dir_not_writable:
    'sidecar がデータフォルダーに書き込めません（{reason}）。sidecar を実行するユーザーが FLUX_INPAINT_DATA_DIR に書き込めるようにしてください。',
  storage_error: 'sidecar がデータフォルダーに書き込めませんでした（{reason}）。',
  image_empty: '画像が空です。',
  'image_empty.mask': 'マスクのファイルが空です。',
  'image_empty.reference': '参照画像 {n} が空です。',
  image_too_large:
    '画像は {size} MB で、上限は {limit} MB です（FLUX_INPAINT_MAX_IMAGE_MB）。小さい画像を使ってください。',
  'image_too_large.mask': 'マスクは {size} MB で、上限は {limit} MB です（FLUX_INPAINT_MAX_IMAGE_MB）。',
  'image_too_large.reference':
    '参照画像 {n} は {size} MB で、上限は {limit} MB です（FLUX_INPAINT_MAX_IMAGE_MB）。小さい画像を使ってください。',
  'image_too_large.link': '{host} の画像が上限を超えています（FLUX_INPAINT_MAX_IMAGE_MB）。',
  image_too_many_pixels:
    '画像が {mp} メガピクセルを超えています（FLUX_INPAINT_MAX_IMAGE_MP）。小さい画像を使ってください。',
  'image_too_many_pixels.mask': 'マスクが {mp} メガピクセルを超えています（FLUX_INPAINT_MAX_IMAGE_MP）。',
  'image_too_many_pixels.reference':
    '参照画像 {n} が {mp} メガピクセルを超えています（FLUX_INPAINT_MAX_IMAGE_MP）。小さい画像を使ってください。',
  image_unreadable: '画像は読み込める PNG、JPEG、WebP 画像ではありません。',
  'image_unreadable.mask': 'マスクは読み込める PNG、JPEG、WebP 画像ではありません。',
  'image_unreadable.reference': '参照画像 {n} は読み込める PNG、JPEG、WebP 画像ではありません。',
  'image_unreadable.data_url': 'チャット内の画像は対応していない data: URL です。',
  image_unsupported: '画像は PNG、JPEG、WebP のいずれかにしてください（受け取った形式: {format}）。',
  'image_unsupported.mask': 'マスクは PNG、JPEG、WebP のいずれかにしてください（受け取った形式: {format}）。',
  'image_unsupported.reference':
    '参照画像 {n} は PNG、JPEG、WebP のいずれかにしてください（受け取った形式: {format}）。',
  'image_unsupported.link': '{host} のリンクは画像ではありません（{type}）。',
  mask_aspect_mismatch:
    'マスクは {mask}、画像は {image} です。縦横比を同じにする必要があります。エディターを再読み込みして塗り直してください。',
  'invalid_mask.size': 'マスクは {mask}、画像は {image} です。画像と同じサイズのマスクを送ってください。',
  'invalid_image.channels': '変換後は {expected} チャンネルの画像のはずが、{got} チャンネルでした。',
  'image_not_found.gone': '{field}: その画像はもう使えません。エディターを再読み込みしてください。',
  'image_not_found.job': '以前の結果を編集するには、チャットでその結果の下にある Inpaint をクリックしてください。',
  'image_fetch_failed.redirects': '画像のリンクのリダイレクトが多すぎます。',
  'image_fetch_failed.network': '{host} から画像を読み込めませんでした: {reason}',
  'image_fetch_failed.http': '{host} から画像を読み込めませんでした（HTTP {status}）。',
  image_fetch_timeout:
    '{host} の画像が {seconds} 秒以内に届きませんでした。このサーバーは遅すぎます。代わりに画像を保存してエディターで読み込んでください。',
  'image_url_refused.invalid': 'チャットのリンク "{link}" は正しいリンクではありません。',
  'image_url_refused.redirect': '{host} のリダイレクト先 "{link}" は正しいリンクではありません。',
  'image_url_refused.scheme':
    '画像リンク {origin} は読み込みませんでした。読み込めるのは http と https のリンクだけです。',
  'image_url_refused.credentials': '画像リンク {origin} は読み込みませんでした。認証情報を含むリンクは読み込みません。',
  'image_url_refused.private': '画像リンク {origin} は読み込みませんでした。プライベートネットワークを指しています。',
  'expand_too_large.local':
    '拡張すると {size} の画像（{mp} メガピクセル）になります。ローカルプロバイダーが扱えるのは最大 {max} です。拡張を減らすか、小さい画像を使ってください。',
  'unsupported.local':
    'ローカルプロバイダーでは {model} は使えません。FLUX を使うには FLUX_API_KEY を設定してください。',
  local_model_missing:
    'FLUX_INPAINT_LOCAL_MODEL={file}: そこにファイルがありません。モデルをダウンロードして（npm run download-model -- lama）FLUX_INPAINT_LOCAL_MODEL でそれを指すか、設定を外して従来の塗りつぶしを使ってください。',
  local_model_invalid:
    'FLUX_INPAINT_LOCAL_MODEL={file} を ONNX モデルとして読み込めませんでした（{detail}）。ファイルが不完全か壊れている可能性があります。もう一度ダウンロードするか（npm run download-model -- lama が検証します）、FLUX_INPAINT_LOCAL_MODEL を外して従来の塗りつぶしを使ってください。',
  local_model_unsupported:
    'FLUX_INPAINT_LOCAL_MODEL={file} はこの sidecar で実行できるインペイントモデルではありません: {detail}。LaMa か MI-GAN のエクスポートを使うか（README: "Model fill"）、FLUX_INPAINT_LOCAL_MODEL を外して従来の塗りつぶしを使ってください。',
  'local_model_unsupported.output':
    'FLUX_INPAINT_LOCAL_MODEL のモデルが {expected} 個ではなく {got} 個の値を返しました（3 x {height} x {width}）。LaMa か MI-GAN のエクスポートを使うか、FLUX_INPAINT_LOCAL_MODEL を外して従来の塗りつぶしを使ってください。',
  local_model_timeout:
    'FLUX_INPAINT_LOCAL_MODEL={file} のモデルが FLUX_INPAINT_MODEL_TIMEOUT_S={seconds} 秒を超えました。値を上げるか、小さいモデル（MI-GAN）を使うか、FLUX_INPAINT_LOCAL_MODEL を外して従来の塗りつぶしを使ってください。',
  flux_unreachable: '{origin} の FLUX に接続できません（{reason}）。ネットワークと FLUX_API_URL を確認してください。',
  flux_connection_lost: '{origin} の FLUX との接続が切れました（{reason}）。',
  'flux_untrusted_polling_url.not_url': 'FLUX が返したポーリング URL は URL ではありません（{url}）。',
  flux_untrusted_polling_url:
    'FLUX が返したポーリング URL は {origin} にあり、{api} の一部ではありません。API キーはそこへ送りません。',
  flux_no_polling_url:
    'FLUX はジョブ（タスク {id}）を受け付けましたが、追跡用の polling_url を返さなかったため、結果を取得できません。課金された可能性があります。{dashboard} で確認してください。',
  'flux_bad_response.not_json': '{origin} の FLUX が期待した JSON ではない応答を返しました。もう一度試してください。',
  'result_not_image.type': '結果が画像ではありません（content-type "{type}"）。',
  'result_not_image.data':
    '結果のホストが PNG、JPEG、WebP 画像ではなく画像でないデータを送ってきたため、保存しませんでした。編集をもう一度送ってください。繰り返す場合は FLUX_INPAINT_RESULT_HOSTS を確認してください。',
  'result_not_image.format':
    '結果のホストが PNG、JPEG、WebP 画像ではなく {format} 形式のファイルを送ってきたため、保存しませんでした。編集をもう一度送ってください。繰り返す場合は FLUX_INPAINT_RESULT_HOSTS を確認してください。',
  'result_not_image.broken':
    '結果のホストが PNG、JPEG、WebP 画像ではなく壊れた {format} ファイルを送ってきたため、保存しませんでした。編集をもう一度送ってください。繰り返す場合は FLUX_INPAINT_RESULT_HOSTS を確認してください。',
  'result_too_large.pixels':
    '結果は {size} ピクセルで、FLUX の結果としてありうる {mp} メガピクセルを超えているため、保存しませんでした。編集をもう一度送ってください。',
  'result_host_refused.not_url': 'FLUX が返した {origin} の結果はダウンロードしませんでした。URL ではありません。',
  'result_host_refused.credentials':
    'FLUX が返した {origin} の結果はダウンロードしませんでした。認証情報を含むリンクはダウンロードしません。',
  'result_host_refused.not_listed':
    'FLUX が返した {origin} の結果はダウンロードしませんでした。FLUX_INPAINT_RESULT_HOSTS に含まれていません（設定すると厳密なリストになります。公開 https ホストをすべて許可するには空にしてください）。',
  'result_host_refused.not_https': 'FLUX が返した {origin} の結果はダウンロードしませんでした。https ではありません。',
  'result_host_refused.private':
    'FLUX が返した {origin} の結果はダウンロードしませんでした。プライベートネットワークのアドレスに解決されます。自分のホストなら、その origin を FLUX_INPAINT_PRIVATE_ORIGINS に追加してください。',
  'result_download_timeout.host':
    '結果のホスト {origin} が {seconds} 秒以内に結果を届けなかったため、ダウンロードを止めました。',
  'result_download_failed.network': '{origin} からの結果のダウンロードに失敗しました（{reason}）。',
  protocol_mismatch:
    'この sidecar はブリッジプロトコル {protocol} を使います。Open WebUI（Admin > Functions）で FLUX Inpaint 関数を、この sidecar に付属するバージョンに更新してください。',
  'invalid_request.key_not_sealed':
    'valves.FLUX_API_KEY がこのセッションの鍵で封印されていません。Open WebUI の FLUX Inpaint 関数を更新してください。',
  'invalid_request.editor_part':
    'エディターが壊れたメッセージの一部を送りました。エディターを閉じて、もう一度 Inpaint をクリックしてください。',
  'invalid_request.editor_parts':
    'エディターが送った 1 つのメッセージの各部分が一致しません。もう一度 Inpaint をクリックしてください。',
  'invalid_request.editor_message':
    'エディターが読み取れないメッセージを送りました。もう一度 Inpaint をクリックしてください。',
  session_not_found: '開いているセッション "{session}" はありません（終了したか、sidecar が再起動しました）。',
  op_not_found: 'セッション {session} は op {op} を待っていません。',
  'unauthorized.reply_mac': '返信にこのセッションの有効な X-Flux-Inpaint-Mac がありません。',
  'unauthorized.no_auth':
    'リクエストに有効な X-Flux-Inpaint-Auth ヘッダーがありません。Open WebUI の FLUX Inpaint 関数を、この sidecar に合うバージョンに更新してください。',
  'unauthorized.challenge':
    'セッションのチャレンジが不明、使用済み、または期限切れです。もう一度 Inpaint をクリックしてください。',
  'unauthorized.token':
    'SIDECAR_TOKEN が違います。sidecar が初回起動時に表示したトークン（<data dir>/token にもあります）を SIDECAR_TOKEN の valve にコピーしてください。',
  bridge_timeout: 'Open WebUI が "{op}" に時間内に応答しませんでした。',
  host_script_failed: 'Open WebUI のページでエディターの中継が失敗しました: {reason}。',
  'host_script_failed.silent': 'Open WebUI のページでエディターの中継が失敗しました。応答がありません。',
  unknown_method: 'sidecar は "{method}" を知りません。',
  translation_empty: 'チャットモデルから使える翻訳が返りませんでした。',
  'owui_not_found.image_file': 'この画像のファイルが Open WebUI のストレージにありません。',
  'owui_not_found.file': 'この画像は Open WebUI のファイルにありません（削除された可能性があります）。',
  'owui_not_found.parent': '返信先のメッセージはもうチャットにありません。',
  'owui_forbidden.not_owui_image': '読み込むのは Open WebUI の画像（/api/v1/files、ファイル ID、/cache）だけです。',
  'owui_forbidden.not_in_chat': '読み込めるのは、このチャットで参照されている画像だけです。',
  'owui_forbidden.not_shared': 'この画像は別のユーザーのもので、あなたには共有されていません。',
  'owui_forbidden.not_added': '削除できるのは、このセッションが追加したメッセージだけです。',
  'owui_invalid.image_file': 'この画像は大きすぎるか、PNG、JPEG、WebP のファイルではありません。',
  'owui_invalid.not_image': 'このファイルは PNG、JPEG、WebP の画像ではありません。',
  'owui_invalid.save_type': '保存するのは PNG、JPEG、WebP の画像（種類と中身が一致するもの）だけです。',
  'owui_unsupported.no_page': 'このアクションにはブラウザーのページがつながっていません。',
  'owui_unsupported.remove': '0.10 より前の Open WebUI はメッセージを削除できません。',
  'owui_failed.record_file': 'Open WebUI が画像をファイルに記録できませんでした。',
  'owui_failed.no_answer': 'モデルが答えませんでした（ストリーミングなしで答えられるチャットモデルですか？）。',
  'owui_failed.write_message': 'Open WebUI がメッセージをチャットに書き込めませんでした。',
  'owui_timeout.page': 'ブラウザーのページが時間内に応答しませんでした。',
  'owui_unknown_op.update': 'この関数はその操作を知りません。sidecar と同じバージョンに更新してください。',
  'owui_failed.exception': 'FLUX Inpaint 関数が Open WebUI の中で失敗しました（{detail}）。',
  'owui_invalid.no_url': 'Open WebUI は画像を保存しましたが、使える URL を返しませんでした。',
  'owui_invalid.no_data': 'Open WebUI が画像データを返しませんでした。',
  'tool_image_not_found.too_few':
    'このチャットに "{which}" に合う画像はありません（{count} 枚しかありません）。チャットには {count} 枚あります: {list}。どれか尋ねるか、which="latest" を使ってください。',
  'tool_image_not_found.no_words':
    'このチャットに "{which}" に合う画像はありません（その言葉で説明された画像はありません）。チャットには {count} 枚あります: {list}。どれか尋ねるか、which="latest" を使ってください。',
  'invalid_request.below': '{field}: {max} 未満にしてください。',
  'invalid_request.above': '{field}: {min} より大きくしてください。',
  'unauthorized.wrong_token':
    'トークンが違います。sidecar が初回起動時に表示したトークン（データフォルダーの "token" ファイルにもあります）か FLUX_INPAINT_TOKEN を使ってください。',
  'unauthorized.missing_token':
    'トークンがありません。"Authorization: Bearer <token>"（sidecar が初回起動時に表示したトークン）を送ってください。',
  'invalid_request.job_id': '{field}: ジョブ ID ではありません。',

  // Jobs and the data dir lock
  job_not_found: 'ID "{id}" のジョブはありません。',
  result_not_ready: 'ジョブ {id} にはまだ結果がありません（状態: {state}）。',
  job_inputs_missing: 'ジョブ {id} の入力がデータディレクトリにもうありません。編集をもう一度送ってください。',
  'job_entry_unknown.retired':
    'このジョブ "{prompt}" は {model} を指定していましたが、このバージョンではもう提供していません。FLUX には届いていないので課金されていません。別のモデルで編集をもう一度送ってください。',
  'job_entry_unknown.fields':
    'このジョブ「{prompt}」は以前のバージョンで保存されたもので、このバージョンが受け付けない値（{field}）があります。FLUX には届いていないので課金はされていません。編集をもう一度送ってください。',
  'job_entry_unknown.other_version':
    'このジョブ "{prompt}" は別のバージョンの sidecar が記録したもの（状態 "{state}"）で、終了しました。課金された可能性があるので、もう一度送る前に {dashboard} を確認してください。',
  data_dir_in_use:
    '別の flux-inpaint sidecar（pid {pid}）がデータディレクトリ {dir} を使っています。先にそれを止めるか、こちらに別の FLUX_INPAINT_DATA_DIR を指定してください。',
  'data_dir_in_use.unknown_pid':
    '別の flux-inpaint sidecar がデータディレクトリ {dir} を使っています。先にそれを止めるか、こちらに別の FLUX_INPAINT_DATA_DIR を指定してください。',
};
