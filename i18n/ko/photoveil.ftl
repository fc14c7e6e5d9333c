# PhotoVeil — 한국어 (학생과 부모님을 위한 쉬운 해요체). 영어 파일의 키와 똑같아야 해요.

## Categories of what a photo gives away
category-location = 위치
category-device = 기기
category-person = 사람
category-time = 시간
category-hidden = 숨은 내용

## Severities
severity-low = 낮음
severity-medium = 보통
severity-high = 높음

## What each finding means, in plain words
finding-gps-position = 이 사진에는 찍은 장소가 기록되어 있어요.
finding-gps-detail = GPS 세부 정보예요. 사진을 찍은 곳의 높이, 방향이나 이동 속도가 담겨 있어요.
finding-gps-time = 사진을 찍을 때 GPS가 기록한 날짜와 시간이에요.
finding-place-name = 글자로 적힌 장소 이름이에요. 도시나 나라, 더 정확한 장소일 수도 있어요.
finding-device-model = 사진을 찍은 카메라나 휴대폰의 회사와 모델 이름이에요.
finding-serial-number = 카메라, 렌즈, 휴대폰 딱 한 대를 가리키는 일련번호예요. 그 기기로 찍은 사진들을 모두 하나로 이어 줘요.
finding-software = 파일을 만들거나 고친 프로그램 또는 기기 소프트웨어예요.
finding-unique-id = 이 사진에만 있는 고유 번호예요. 사진의 복사본과 수정본을 서로 이어 줘요.
finding-owner-name = 기기 주인, 만든 사람 또는 사진 찍은 사람의 이름이에요.
finding-copyright = 저작권 표시예요. 이름이 함께 적혀 있는 경우가 많아요.
finding-contact-details = 연락처예요. 이메일, 전화번호, 주소나 웹사이트가 있어요.
finding-caption = 누군가 적은 설명, 제목이나 키워드예요. 사람이나 장소 이름이 들어 있을 수 있어요.
finding-named-person-region = 사진 속 얼굴이나 사람에 이름이 붙어 있어요.
finding-person-region = 사진 속 얼굴이나 사람이 표시되어 있어요.
finding-date-taken = 사진을 찍은 날짜와 시간이에요.
finding-date-modified = 파일을 만들거나 바꾼 날짜와 시간이에요.
finding-time-zone = 기기의 시간대예요. 어느 나라에 있었는지 짐작하게 해 줘요.
finding-thumbnail = 파일 안에 숨어 있는 작은 미리보기 사진이에요. 자르거나 고치기 전의 모습이 보일 수 있어요.
finding-extra-images = 같은 파일 안에 숨어 있는 다른 사진들이에요.
finding-motion-photo = 사진 안에 숨어 있는 짧은 동영상("모션 포토")이에요. 소리까지 담긴 경우가 많아요.
finding-trailing-data = 사진이 끝난 뒤에 숨어 있는 데이터예요.
finding-text-chunk = 파일 안에 저장된 글이에요.
finding-comment = 파일 안에 저장된 메모예요.
finding-maker-note = 제조사만 쓰는 비공개 데이터예요. 일련번호가 들어 있는 경우가 많아요.
finding-edit-history = 편집 기록이에요. 어떤 프로그램이 언제 파일을 바꿨는지 알 수 있어요.
finding-other-metadata = 그 밖의 숨은 데이터예요.

## Command line messages
cli-scan-faces = { $count ->
    [0] 얼굴 없음
   *[other] 얼굴 { $count }개
}, { $usable ->
    [0] 얼굴 바꾸기에 쓸 만큼 선명한 얼굴은 없어요
   *[other] 그중 { $usable }개는 얼굴 바꾸기에 쓸 수 있을 만큼 선명해요
}
cli-face-usable = 얼굴 바꾸기 도구가 쓸 수 있을 만큼 선명해요
cli-face-not-usable = 너무 작거나 옆을 보고 있어서 바꾸기 어려워요
cli-face-at = 얼굴 위치
cli-scan-nothing-found = 찾은 것이 없어요
cli-photo-error = { $file }: 오류: { $why }
cli-scan-findings = { $count }개를 찾았어요
cli-report-written = 보고서를 저장했어요:
cli-face-cache-not-saved = 찾은 얼굴을 다음 검사를 위해 기억하지 못했어요 (다음 검사에서 다시 찾아요)
cli-report-failed = 보고서를 저장하지 못했어요:
cli-interrupted = 중단했어요 (Ctrl-C). 이미 저장된 사본은 완전해요. 작업 중이던 사진과 그 뒤의 사진은 저장하지 않았어요.
cli-demo-photos = 예시 사진 (저작권 걱정 없는 사진에 지어낸 정보를 넣었어요):

## Workshop report
report-title = 우리 사진이 알려 주는 것들
report-intro = PhotoVeil이 이 컴퓨터 안에서 사진을 살펴봤어요. 어디에도 보내지 않았어요.
report-photo-count = 사진 { $count }장
report-photo-heading = 사진
report-picture-hidden = 이 보고서에는 사진을 넣지 않았어요.
report-picture-unavailable = 이 파일은 미리 볼 수 없어요.
report-revealed-heading = 이 사진이 알려 주는 것
report-revealed-nothing = 찾은 것이 없어요. 이 사진에는 장소, 기기, 이름이 저장되어 있지 않아요.
report-column-kind = 종류
report-column-found = 찾은 내용
report-column-risk = 위험도
report-gps-heading = 사진을 찍은 곳
report-gps-coordinates = GPS 좌표 (위도, 경도):
report-gps-note = 원본 파일만 있으면 누구나 이 숫자를 지도에 넣어서 그 장소를 볼 수 있어요.

# 사진을 찍은 곳의 지도 (검토 화면의 자세히 보기와 보고서)
map-title = 사진을 찍은 곳의 지도
map-place-named = 사진에 적힌 장소: { $place }
map-place-tagged = 내보내기 파일에 태그된 장소: { $place }
map-at-sea = 이 위치는 지도에서 땅 위가 아니에요. 바다이거나 해안 바로 앞이에요.
map-credit = 지도: Natural Earth 나라 경계선(퍼블릭 도메인), 이 컴퓨터에서 그렸어요.
map-unavailable = 지도를 그릴 수 없어요. PhotoVeil의 지도 데이터가 손상되었어요. PhotoVeil을 다시 설치하면 해결돼요.
report-map-beside-heading = 내보내기 파일에 적힌 찍은 곳
report-faces-heading = 얼굴
report-faces-not-checked = 얼굴은 확인하지 않았어요.
report-faces-found = { $count ->
    [0] 얼굴을 찾지 못했어요.
   *[other] 얼굴을 { $count }개 찾았어요.
}
report-faces-usable = { $count ->
    [0] 얼굴 바꾸기에 쓸 만큼 선명한 얼굴은 없어요.
   *[other] 그중 { $count }개는 얼굴 바꾸기 도구가 그대로 가져다 쓸 수 있을 만큼 선명해요.
}
report-done-heading = PhotoVeil이 한 일
report-done-scanned = 살펴보기만 했어요. 사진은 바꾸지 않았어요.
report-done-cleaned = 이 정보를 지운 깨끗한 사본을 저장했어요:
report-done-kept-orientation = 일부러 남긴 것: 사진이 똑바로 보이게 하는 방향 정보예요.
report-done-kept-colour = 일부러 남긴 것: 색이 제대로 보이게 하는 색상 정보예요.
report-done-protected = 숨은 정보를 모두 지운 보호된 사본을 저장했어요:
report-done-cloaked = 얼굴 { $count }개에 얼굴 인식을 막는 보호막을 씌웠어요.
report-done-blurred = 얼굴 { $count }개를 흐리게 가렸어요.
report-done-left = 얼굴 { $count }개는 그대로 두었어요.
report-done-verified = { $count ->
    [0] 업로드한 것처럼 시험해 보니, 따로 준비한 검사용 인공지능으로는 보호막을 씌운 얼굴이 더 이상 알아볼 수 없게 됐는지 확인하지 못했어요.
   *[other] 업로드한 것처럼 시험해 보니, 따로 준비한 검사용 인공지능이 보호막을 씌운 얼굴 { $count }개를 더 이상 알아보지 못했어요.
}
report-done-failed = 이 파일은 쓸 수 없었어요:
report-risk-heading = 딥페이크: 우리 반 모두가 꼭 알아야 할 것
report-risk-what = 딥페이크는 컴퓨터로 만든 가짜 사진이나 영상이에요. 내 얼굴을 다른 사람 몸에 붙이거나, 내가 한 적 없는 말을 한 것처럼 보이게 만들 수 있어요.
report-risk-how = 필요한 건 얼굴이 잘 나온 사진 몇 장뿐이에요. 우리가 매일 올리는 바로 그런 사진이요. 얼굴 바꾸기 앱은 공짜이고 몇 분이면 돼요.
report-risk-harm = 가짜 사진과 영상은 괴롭히고, 망신을 주고, 협박하고, 친구와 가족을 속이는 데 쓰여요. 누군가의 성적인 딥페이크를 만들거나 퍼뜨리는 것은 폭력이고, 많은 나라에서 범죄예요.
report-risk-location = 숨은 정보가 있으면 더 위험해져요. 사진에 담긴 GPS 위치, 날짜, 이름으로 모르는 사람이 우리 집이나 학교를 찾아올 수도 있어요.
report-risk-help = 나나 친구에게 이런 일이 생기면, 절대 내 잘못이 아니에요. 답장하거나 돈을 보내지 마세요. 증거를 저장하고, 앱에 신고하고, 믿을 수 있는 어른에게 꼭 이야기하세요.
report-footer = PhotoVeil로 만들었어요. 정보를 지우고 얼굴을 보호하면 악용하기가 훨씬 어려워지지만, 어떤 도구도 완벽한 안전을 약속할 수는 없어요. 올리기 전에 한 번 더 생각해요.
report-audit-position = 위험 순위 { $position }위
report-audit-todo = 할 일
report-audit-why = 이유:

## GUI
## The desktop app. Keys start with "gui-"; { $name } placeholders are filled in by the app.
gui-app-name = 포토베일 PhotoVeil
gui-settings = 설정
gui-back = 뒤로
gui-cancel = 취소
gui-cancelling = 멈추는 중…
gui-close = 닫기
gui-done = 완료
gui-loading = 불러오는 중…
gui-honest = 보호하면 사진을 나쁘게 쓰기가 더 어렵고 번거로워져요. 하지만 완벽하게 지켜 준다는 약속은 아니에요. 실제로 측정한 결과만 보여 줘요.

## GUI: steps
gui-step-choose = 고르기
gui-step-review = 살펴보기
gui-step-protect = 보호하기
gui-step-export = 저장하기

## GUI: start
gui-start-what = 내 사진이 무엇을 알려 주는지 확인해요. 장소, 기기, 이름, 숨은 사진, 얼굴까지요. 그리고 올려도 안전한 사본을 만들어요.
gui-start-private = 모든 일은 이 컴퓨터 안에서만 일어나요. 사진도, 얼굴도, 결과도 밖으로 나가지 않아요.
gui-start-choose-photos = 사진 고르기
gui-start-choose-folder = 폴더 고르기
gui-start-drop = 또는 사진이나 폴더를 여기에 끌어다 놓아요
gui-start-try-samples = 예시 사진으로 해 보기
gui-start-samples-failed = 예시 사진을 열 수 없어요: { $why }
gui-start-shortcuts = 단축키: Ctrl+O 사진 · Ctrl+Shift+O 폴더 · Ctrl+E 저장 · Esc 뒤로 가기 또는 취소 · F11 수업 모드
gui-dialog-photos = 확인할 사진을 골라요
gui-dialog-folder = 확인할 사진이 든 폴더를 골라요
gui-start-check-export = 계정 내보내기(ZIP) 점검…
gui-dialog-export = 인스타그램, 페이스북, 구글 테이크아웃에서 받은 ZIP 파일을 고르세요
gui-dialog-filter-export = ZIP 압축 파일
gui-start-check-export-folder = …또는 압축을 푼 내보내기 폴더
gui-dialog-export-folder-audit = 압축을 푼 계정 내보내기 폴더를 고르세요
gui-audit-title = 내 계정이 보여 주는 것
gui-audit-running = 내보내기 파일을 읽고 이 컴퓨터에서 사진을 하나씩 점검하고 있어요… 몇 분 걸릴 수 있어요.
gui-audit-back = 뒤로
gui-audit-failed = 내보내기 파일을 읽지 못했어요: { $why }
gui-audit-replace = 보호한 사본 저장…
gui-audit-replace-dialog = 보호한 사본을 저장할 폴더를 고르세요
gui-audit-saving = 저장하고 있어요…
gui-audit-replaced = 보호한 사본 { $count }장을 { $folder }에 저장했어요. 원본 대신 이 사본을 올리세요.
gui-audit-replace-failed = 사진 { $count }장은 보호하지 못했어요.
gui-audit-more = … 나머지 { $count }개는 보고서에 있어요.
gui-audit-names-private = 사람에게 이름을 붙이면 다음 점검에서도 찾을 수 있어요. 이름은 이 컴퓨터에만 저장돼요.
gui-audit-name-placeholder = 이름 (예: 나)
gui-audit-save-name = 이름 저장
gui-audit-show-person = 이 사람 사진만 보기
gui-audit-show-all = 모든 사진 보기
gui-dialog-filter-photos = 사진
gui-dialog-export-folder = 안전한 사본을 저장할 곳을 골라요

## GUI: scan
gui-scan-title = 사진을 확인하고 있어요
gui-scan-listing = 사진을 찾고 있어요…
gui-scan-count = 사진 { $total }장 중 { $done }장 확인했어요
gui-scan-explain = 사진은 읽기만 하고, 절대 바꾸지 않아요.
gui-scan-stop = 멈추기
gui-scan-checking = 확인하는 중…
gui-scan-found = 지금까지 { $risky }장이 무언가를 알려 주고 있어요.

## GUI: badges (a symbol is shown before each word)
gui-badge-location = 위치
gui-badge-device = 기기
gui-badge-person = 이름
gui-badge-time = 날짜
gui-badge-hidden = 숨은 내용
gui-badge-faces = 얼굴
gui-badge-unreadable = 읽을 수 없음

## GUI: review
gui-review-title = 내 사진이 알려 주는 것들
gui-review-summary = 사진 { $total }장을 확인했어요. { $risky ->
    [0] 그중 무언가를 알려 주는 사진은 없어요.
   *[other] 그중 { $risky }장이 무언가를 알려 주고 있어요.
  }
gui-review-only-risky = 무언가를 알려 주는 사진만 보기
gui-review-next = 안전한 사본 만들기…
gui-review-start-over = 다른 사진 고르기
gui-review-empty = 그곳에는 사진이 없었어요.
gui-review-no-faces = 얼굴을 찾아볼 수 없었어요: { $why }
gui-review-clear = 찾은 것이 없어요
gui-review-cannot-show = 이 사진은 보여 줄 수 없어요: { $why }
gui-review-faces = 얼굴을 { $faces }개 찾았어요. { $usable ->
    [0] 얼굴 바꾸기 도구에 쓸 만큼 선명한 얼굴은 없어요.
   *[other] 그중 { $usable }개는 얼굴 바꾸기 도구가 쓸 수 있을 만큼 선명해요.
  }
gui-review-no-faces-found = 얼굴을 찾지 못했어요.
gui-review-nothing-found = 이 사진에서는 숨은 정보를 찾지 못했어요.
gui-review-value = 파일에 적힌 내용: { $value }
gui-review-box-legend = 두꺼운 주황색 테두리: 얼굴 바꾸기 도구가 쓸 수 있을 만큼 선명한 얼굴이에요. 얇은 파란색 테두리: 다른 얼굴이에요.
gui-review-save-report = 보고서 저장…
gui-review-report-dialog = 수업용 보고서 저장
gui-review-report-filter = 웹 페이지 (HTML)
gui-review-report-pictures = 보고서에 사진 넣기
gui-review-report-saved = 보고서를 저장했어요: { $file }
gui-review-report-failed = 보고서를 저장하지 못했어요: { $why }

## GUI: protect
gui-protect-title = 안전한 사본 만들기
gui-protect-metadata = 숨은 정보 지우기 (항상 켜져 있어요)
gui-protect-metadata-explain = 모든 사본에서 위치, 기기, 이름, 날짜, 숨은 사진을 지워요. 원본은 절대 바꾸지 않아요.
gui-protect-faces = 얼굴
gui-mode-until-verified = 얼굴 보호: 확인될 때까지 (추천)
gui-mode-until-verified-explain = 얼굴마다 효과가 있는 가장 작은 변화만 줘요. 업로드한 것처럼 시험해서 확인하고, 필요할 때만 더 강하게 해요 (약하게, 보통, 강하게 순서로). 강하게 해도 부족하면 알려 드리고, 그 얼굴은 흐리게 가릴 수 있어요.
gui-mode-subtle = 얼굴 보호: 약하게
gui-mode-subtle-explain = 바뀌는 게 가장 적지만, 보호도 가장 약해요.
gui-mode-standard = 얼굴 보호: 보통
gui-mode-standard-explain = 약하게보다 더 보호해요. 가까이 보면 얼굴의 명암이 살짝 고르지 않게 보일 수 있어요.
gui-mode-strong = 얼굴 보호: 강하게
gui-mode-strong-explain = 보호가 가장 강해요. 가까이서 보면 바뀐 게 보일 수도 있고, 눈·코·입의 모양이 아주 조금 옮겨져요.
gui-mode-blur = 얼굴 흐리게 가리기
gui-mode-blur-explain = 얼굴을 알아볼 수 없을 만큼 흐리게 해요. 가장 확실한 방법이지만, 되돌릴 수 없어요.
gui-mode-metadata-only = 얼굴은 그대로 두기
gui-mode-metadata-only-explain = 숨은 정보만 지우고, 사진은 그대로 똑같이 복사해요.
gui-protect-photos = 사진 { $total }장, 그중 얼굴이 있는 사진 { $faces }장이에요.
gui-protect-folder = 사본을 저장할 곳
gui-protect-no-folder = (저장할 때 물어볼게요)
gui-protect-choose-folder = 폴더 고르기…
gui-protect-never-originals = 같은 이름의 파일이 이미 있으면 사본에 새 이름을 붙여요. 어떤 파일도 덮어쓰지 않아요.
gui-protect-export = 안전한 사본 { $count }장 저장하기
gui-protect-no-sample = 미리 볼 사진이 없어요.
gui-protect-preview-of = 전과 후: { $name }
gui-protect-next-sample = 다른 사진
gui-protect-make-preview = 전과 후 보기
gui-protect-preview-explain = 이 사진 한 장만 지금 보호해서 원본과 비교하고, 측정한 결과를 보여 줘요. 아무것도 저장하지 않아요.
gui-protect-before = 전
gui-protect-after = 후
gui-protect-preview-stale = 이 미리보기는 다른 선택으로 만든 거예요. 비교하려면 다시 만들어 보세요.
gui-protect-preview-working = 이 사진을 보호하고 측정하고 있어요… 얼굴 하나에 몇 초씩 걸리고, 더 강한 단계가 필요한 얼굴은 더 오래 걸려요.
gui-protect-close-up = 얼굴 크게 보기
gui-protect-whole = 사진 전체
gui-protect-face-previous = 이전 얼굴
gui-protect-face-next = 다음 얼굴
gui-protect-face-of = 얼굴 { $total }개 중 { $n }번째
gui-protect-original = 원본
gui-protect-protected = 안전한 사본
gui-protect-at-100 = 실제 크기 (100%)
gui-protect-at-300 = 3배 확대 (300%), 픽셀 그대로
gui-protect-no-close-up = 이 얼굴은 크게 보여 드릴 수 없어요.
gui-protect-no-faces = 이 사진에서는 얼굴을 찾지 못했어요. 숨은 정보만 지워요.
gui-protect-blur-face = 이 얼굴 흐리게 가리기
gui-protect-unblur-face = 이 얼굴은 흐리게 가리지 않기
gui-protect-check-explain = 이 확인에는 변화를 만들 때 쓰지 않은 얼굴 인식 인공지능을 써요. 소셜 미디어처럼 줄이고 압축한 사본으로 시험하고, 같은 사람으로 보는 기준은 저희가 시험한 다른 인공지능들이 그 얼굴을 더 이상 알아보지 못하는 지점에 맞췄어요. 분명히 보호됐는지, 분명히 알아보는지 가릴 수 없으면 '확인하지 못했어요'라고 알려 드려요.

## GUI: per-face results (measured by an independent network after a simulated upload)
gui-face-passed = 얼굴 { $n }: { $level ->
    [subtle] '약하게' 단계로
    [standard] '보통' 단계로
    [strong] '강하게' 단계로
   *[other] 이 변화로
  } 충분했어요. 변화를 만들 때 쓰지 않은 인공지능이, 업로드한 것처럼 시험한 사본에서 더 이상 알아보지 못해요.
gui-face-not-protected = 얼굴 { $n }: { $ceiling ->
    [subtle] '약하게'
    [standard] '보통'
   *[strong] '강하게'
  } 단계까지 해도 보호하지 못했어요. 업로드한 것처럼 시험해 보니 인공지능이 아직 알아봐요.
gui-face-recognised-at = 얼굴 { $n }: { $level ->
    [subtle] '약하게'
    [standard] '보통'
   *[strong] '강하게'
  } 단계로 저장한 사본을 업로드한 것처럼 시험해 보니, 인공지능이 아직 알아봐요.
gui-face-similarity = 업로드 후 닮은 정도 { $similarity } ({ $threshold } 아래면 보호됨).
gui-face-not-confirmed = 얼굴 { $n }: { $level ->
    [subtle] '약하게'
    [standard] '보통'
   *[strong] '강하게'
  } 단계에서 보호를 확인하지 못했어요. 저희가 측정해 보니 이 단계에서 이런 결과가 나온 얼굴은 { $odds ->
    [most] 5개 중 약 4개를
   *[few] 4개 중 약 1개만
  } 시험한 다른 인공지능이 더 이상 알아보지 못했어요. 이 사람을 알아보면 안 된다면 흐리게 처리하세요.
gui-face-look = { $seen ->
    [hard] 바뀐 게 거의 보이지 않아요
    [close] 가까이 보면 바뀐 게 보여요
   *[visible] 바뀐 게 보여요
  } (형태 { $percent }% 유지, { $colour ->
    [none] 알아챌 만한 색 변화 없음
    [slight] 가까이 보면 색이 조금 달라짐
    [visible] 가까이 보면 색 변화가 보임
   *[unknown] 색 변화는 측정하지 못함
  }).
gui-face-unmeasured = 얼굴 { $n }: 바꾸기는 했지만, 결과를 측정하지 못했어요.
gui-face-blurred = 얼굴 { $n }: 흐리게 가렸어요.
gui-face-left = 얼굴 { $n }: 그대로 두었어요.
gui-face-side-view = 얼굴 { $n }: 옆을 보고 있어서 그대로 두었어요. 보호는 앞을 보는 얼굴에만 효과가 있어요. 이 얼굴에 쓰면 사람은 가려지지 않고 사진만 망가져요. 이 사람을 알아보면 안 된다면 흐리게 가리세요.

## GUI: export
gui-export-title = 안전한 사본을 저장하고 있어요
gui-export-done-title = 다 됐어요
gui-export-folder = 저장하는 곳: { $folder }
gui-export-count = 사진 { $total }장 중 { $done }장
gui-export-working = 지금 하는 중: { $name }
gui-export-explain = 얼굴 하나에 몇 초씩 걸려요. 취소해도 반쯤 쓰다 만 파일은 남지 않아요.
gui-export-cleaned = 숨은 정보를 지운 안전한 사본 { $count }장을 저장했어요.
gui-export-levels = 보호된 얼굴마다 필요했던 단계: 약하게 { $subtle }개, 보통 { $standard }개, 강하게 { $strong }개.
gui-export-failed = 사진 { $count }장은 실패했어요. 이유는 아래에 있어요.
gui-export-skipped = 사진 { $count }장은 하지 못했어요 (취소함).
gui-export-photo-ok = 저장됨
gui-export-open-folder = 폴더 열기
gui-export-open-failed = 폴더를 열 수 없었어요. 파일 관리자에서 직접 열어 주세요.
gui-export-back = 사진으로 돌아가기
gui-export-more = … 나머지 { $count }개는 아래 목록에 있어요.
gui-export-no-models = 얼굴을 보호할 수 없었어요: { $why }

## GUI: closing during an export
gui-close-title = 저장을 멈추고 닫을까요?
gui-close-body = 사본 { $done }장은 저장했어요. 지금 작업 중인 사진은 저장되지 않아요.
gui-close-keep = 계속 저장하기
gui-close-stop = 멈추고 닫기

## GUI: settings
gui-settings-folder = 안전한 사본을 저장할 곳
gui-settings-folder-ask = 매번 물어보기
gui-settings-folder-clear = 매번 물어보기
gui-settings-mode = 얼굴은 기본으로 어떻게 할까요
gui-settings-quality = 보호한 JPEG 사본의 품질
gui-settings-quality-value = 품질 { $quality }
gui-settings-language = 언어
gui-settings-theme = 화면 모양
gui-theme-system = 시스템 설정대로
gui-theme-light = 밝게
gui-theme-dark = 어둡게
gui-settings-large-text = 큰 글씨 (프로젝터용)
gui-settings-stored = 설정은 이 컴퓨터에만 저장돼요.
gui-settings-save-failed = 설정을 저장하지 못했어요: { $why }

## photoveil audit (account exports)
audit-layout-instagram = 인스타그램 내보내기 파일 ("내 정보 다운로드")
audit-layout-facebook = 페이스북 내보내기 파일 ("내 정보 다운로드")
audit-layout-google-takeout = 구글 포토의 구글 테이크아웃 파일
audit-layout-plain = 사진 폴더 또는 ZIP 파일
audit-counts = 사진 { $photos }장, 동영상 { $videos }개 (동영상은 목록만 보여 주고 내용은 분석하지 않아요)
audit-people-heading = 사람들 (얼굴 인식 인공지능이 같은 사람으로 보는 얼굴들):
audit-group = 사람 { $id }: 이 얼굴은 사진 { $photos }장에 나와요. 그중 { $public }장은 공개 게시물이고, { $swappable }장은 얼굴 바꾸기에 쓸 만큼 선명해요
audit-ranking-heading = 누군가 나를 찾아내거나 나인 척하는 데 가장 도움이 되는 사진, 가장 위험한 것부터:
audit-skipped-heading = 읽지 못한 항목:
audit-do-delete-post = 이 게시물을 지우세요. 쓸 만한 얼굴과 그 사람을 찾을 수 있는 곳이 함께 보여요.
audit-do-replace-protected = 보호한 사본으로 바꿔 올리세요 (photoveil protect).
audit-do-clean-metadata = 메타데이터를 지운 사본으로 바꾸거나, 서비스에 저장된 위치를 지우세요.
audit-do-nothing = 할 일이 없어요.
audit-video-not-analysed = 동영상: 게시물, 날짜와 함께 목록에 보여 주지만 내용은 분석하지 않아요.
audit-group-name = 이 컴퓨터에 저장한 이름: { $name }
audit-named = 사람 { $id }의 이름을 "{ $name }"(으)로 정했어요. 이 컴퓨터에만 저장되고, 다음 점검부터 이 사람을 알아봐요.
audit-no-such-person = 이 내보내기에는 사람 { $id }이(가) 없어요.
audit-person-not-found = 이 내보내기에서 "{ $name }"(이)라는 사람을 찾지 못했어요.
audit-name-empty = 이름은 비워 둘 수 없어요.
audit-name-no-face = 사람 { $id }은(는) 다시 알아볼 만큼 선명한 얼굴이 없어요.
audit-reason-swappable-faces = 얼굴 바꾸기에 쓸 만큼 선명한 얼굴 { $count }개 (가장 큰 얼굴 { $side }px)
audit-reason-recurring-person = 사람 { $id }이(가) 이 내보내기 파일의 사진 { $photos }장에 나와요
audit-reason-gps-in-photo = 사진에 찍은 장소(GPS)가 기록되어 있어요.
audit-reason-gps-beside-photo = 사진 자체에는 없더라도, 내보내기 파일이 사진 옆에 찍은 장소(GPS)를 따로 저장하고 있어요.
audit-reason-tagged-place = 태그된 장소: { $name }
audit-reason-school-in-caption = 설명글에 학교나 아이들이 있는 곳이 적혀 있어요 ("{ $word }").
audit-reason-place-in-caption = 설명글에 장소가 적혀 있어요 ("{ $word }").
audit-reason-named-people = 사진 옆에 사람 { $count }명의 이름이 적혀 있어요
audit-reason-revealing-metadata = 많은 것을 알려 주는 메타데이터 { $count }개가 더 있어요 (일련번호, 이름, 숨은 미리보기)
audit-reason-public = 서비스에서 다른 사람도 볼 수 있어요.

## photoveil clean (one line per photo: what was removed, kept and checked)
cli-clean-removed = 찾은 정보 { $count }개를 지웠어요
cli-clean-kept = 남긴 것: { $list }
cli-clean-kept-orientation = 방향 { $value }
cli-clean-kept-icc-profile = 색상 프로필
cli-clean-kept-colour-info = 색 공간
cli-clean-kept-camera-details = 카메라 제조사와 모델, 렌즈 모델, 일련번호와 이름을 지운 제조사 메모 (RAW 변환 프로그램이 사진을 현상하려면 필요해요)
cli-clean-lossless = 사진을 화질 손실 없이 다시 썼어요
cli-clean-verified = 확인 결과: { $check }
cli-clean-identical-data = 사진 데이터가 똑같아요
cli-clean-identical-pixels = 픽셀이 똑같아요
cli-clean-residual = { $tag }({ $value })을(를) 지우지 못했어요

## photoveil verify (measured by a network not used to make the protection)
cli-verify-summary = { $protected }와(과) 원본 { $original } 비교: PSNR { $psnr }, 얼굴 { $count }개
cli-verify-face = 얼굴 위치 { $x },{ $y }: { $network } 닮은 정도는 그대로 { $now }, 업로드 후 { $upload } (보호 전: { $before }, { $threshold } 아래면 보호됨): { $verdict }
cli-verify-not-recognised = 알아보지 못했어요
cli-verify-recognised = 알아봤어요
cli-verify-not-confirmed = 확인하지 못했어요
cli-verify-not-measured = 측정하지 못했어요

## photoveil protect (one line per photo, then one per face, measured after a simulated upload)
cli-protect-summary = 숨은 정보를 지웠어요, 얼굴 { $count }개, PSNR { $psnr }, { $seconds }초
cli-protect-face = 얼굴 위치 { $x },{ $y } ({ $width }x{ $height } px) { $action }: { $network } 닮은 정도 보호 전 { $before }, 업로드 후 { $upload } ({ $threshold } 아래면 보호됨): { $verdict }
cli-protect-cloaked = 보호막을 씌웠어요
cli-protect-blurred = 흐리게 가렸어요
cli-protect-left = 그대로 두었어요
cli-protect-side-view = 옆을 보고 있어서 그대로 두었어요
cli-protect-not-recognised = 업로드 후 알아보지 못했어요
cli-protect-still-recognised = 업로드 후에도 아직 알아봤어요
cli-protect-not-confirmed = 업로드 후 확인하지 못했어요 ({ $odds ->
    [most] 이런 얼굴은 대부분 더 이상 알아보지 못했지만 모두는 아니에요
   *[few] 이런 얼굴은 4개 중 약 1개만 더 이상 알아보지 못했어요
  })
cli-protect-cloaked-at = { $level } 단계로 보호막을 씌웠어요
cli-level-subtle = 약하게
cli-level-standard = 보통
cli-level-strong = 강하게
cli-protect-face-change = 얼굴의 변화: 구조 유지 { $ssim } (1 = 그대로), 색 차이 평균 { $mean }, 가장 강한 곳 { $p99 } (CIEDE2000; 나란히 놓고 볼 때 사람이 알아채는 가장 작은 차이가 약 1)
cli-protect-try-blur = 허용한 가장 높은 단계까지 올려도 이 얼굴을 보호하지 못했어요. 흐리게 가리거나(--blur-faces) 올리지 마세요.
cli-protect-side-view-why = 보호는 앞을 보는 얼굴에만 효과가 있어요. 이 얼굴에 쓰면 사람은 가려지지 않고 사진만 망가져요. 이 사람을 알아보면 안 된다면 흐리게 가리세요(--blur-faces).

## The core's errors, as the app shows them (the command line keeps the core's English)
error-read = 파일을 읽을 수 없습니다: { $why }
error-empty = 빈 파일입니다
error-file-too-large = 파일 크기가 { $size }(으)로, PhotoVeil이 여는 최대 크기 { $limit }보다 큽니다
error-not-an-image = PhotoVeil이 열 수 있는 사진이 아닙니다: 내용이 JPEG, PNG, WebP, TIFF, HEIF, AVIF, GIF, BMP, JPEG XL, JPEG 2000, 포토샵(PSD)이 아닙니다
error-corrupt = { $format } 파일이 손상되었습니다: { $detail }
error-too-many-pixels = 사진이 { $width } × { $height } 픽셀로, 안전하게 열기에는 너무 큽니다
error-decode = 사진을 열 수 없습니다: { $detail }
error-unsupported-cleaning-raw = DNG가 아닌 카메라 RAW 파일은 검사만 할 수 있고 정리할 수는 없습니다. RAW 변환기에 필요한 제조사 고유 데이터에 카메라 일련번호도 들어 있기 때문입니다 ({ $format })
error-unsupported-decoding = { $format } 사진은 여기서 열어 보여 주거나 보호할 수 없습니다
error-unsupported-protecting = { $format } 파일에서는 얼굴을 보호할 수 없습니다. 사본은 정보 정리만 할 수 있습니다
error-raw-serial-decrypts-colour = { $family } 카메라 RAW 파일은 정리하지 않습니다. RAW 변환기가 카메라 일련번호와 셔터 횟수로 색 균형 정보를 해독하므로, 이를 지우면 사진이 망가집니다
error-raw-serial-enciphered = { $family } 카메라 RAW 파일은 정리하지 않습니다. 일련번호가 제조사의 암호화된 데이터 안에 있고 그 구조가 카메라 모델마다 달라 안전하게 지울 수 없습니다
error-raw-maker-note-not-handled = { $family } 카메라 RAW 파일은 정리하지 않습니다. RAW 변환기에 필요한 제조사 고유 데이터에 일련번호도 들어 있으며, PhotoVeil은 아직 그 구조 안에서 제자리에서 지우지 못합니다
error-raw-container-not-read = { $family } 카메라 RAW 파일로 인식했지만 검사하거나 정리하지 않습니다. 정보가 제조사 고유의 파일 구조 안에 있는데, PhotoVeil은 아직 그 구조를 읽지 못합니다
error-write = { $file }에 쓸 수 없습니다: { $why }
error-verification = 사본이 마지막 검사를 통과하지 못해 저장하지 않았습니다: { $detail }
error-encode = 사진을 저장할 수 없습니다: { $detail }
error-model = 얼굴 모델을 사용할 수 없습니다: { $detail }
error-cancelled = 이 사진을 끝내기 전에 중지했습니다
mismatch-does-not-read-back = 사본을 다시 읽을 수 없습니다 ({ $why })
mismatch-different-format = 사본의 형식이 원본과 다릅니다
mismatch-lost-orientation = 사본에서 사진의 방향 정보가 사라졌습니다
mismatch-picture-data-changed = 사진 데이터가 바뀌었습니다
mismatch-does-not-decode = 사본의 사진을 열 수 없습니다 ({ $why })
mismatch-pixels-differ = 픽셀이 원본과 다릅니다
mismatch-metadata-left = 사본에 개인 정보 { $items }개가 아직 남아 있습니다
io-not-found = 파일이나 폴더가 더 이상 없습니다
io-permission-denied = 권한이 없습니다
io-storage-full = 디스크가 가득 찼습니다
io-read-only = 디스크가 읽기 전용입니다
io-already-exists = 같은 이름의 파일이 이미 있습니다
io-cut-short = 파일이 너무 일찍 끝납니다
io-is-a-folder = 파일이 아니라 폴더입니다
io-bad-name = 이름이 너무 길거나 시스템이 허용하지 않는 문자가 있습니다. 파일이나 폴더 이름을 줄이거나 경로가 더 짧은 폴더로 옮기세요
io-in-use = 다른 프로그램이 이 파일을 사용하고 있습니다. 그 프로그램에서 닫고 다시 시도하세요
io-no-drive = 그 문자의 드라이브가 없습니다
io-drive-not-ready = 드라이브가 준비되지 않았습니다 (메모리 카드나 디스크가 들어 있나요?)
io-network = 네트워크 폴더에 연결할 수 없습니다. 연결과 폴더 이름을 확인하세요

## What the photo being protected is going through (export screen)
gui-stage-reading = 사진을 여는 중…
gui-stage-finding-faces = 얼굴을 찾는 중…
gui-stage-cloaking = 얼굴 { $faces }개 중 { $face }번째 보호 중: { $percent }%
gui-stage-blurring = 얼굴 { $faces }개 중 { $face }번째 흐리게 하는 중…
gui-stage-encoding = 사본을 저장하는 중…
gui-stage-verifying = 사본을 확인하는 중: 메타데이터, 화질, 업로드를 흉내 낸 뒤의 각 얼굴…

## Paths the user gave that could not be listed (scan screen)
walk-not-a-file-or-folder = 일반 파일이나 폴더가 아닙니다
walk-link-loop = 자기 폴더로 되돌아가는 바로 가기(심볼릭 링크)라서 건너뛰었습니다

## photoveil protect and the app's export: photos in which no face was changed (issue 26)
cli-protect-cleaned = 바꿀 얼굴이 없어요: 다시 압축하지 않고 숨은 정보만 지웠어요(사진 데이터는 그대로예요)
cli-protect-faces-not-looked-for = 이 사진은 여기서 열 수 없어 얼굴을 찾지 못했어요: 숨은 정보만 지웠고, 얼굴이 있다면 그대로 남아 있어요
gui-export-photo-cleaned = 바꿀 얼굴이 없어요: 숨은 정보를 지웠고 사진 자체는 그대로예요

## Progress and stopping of an audit (command line and app), and why an audit or its saves failed
audit-progress-reading = 내보내기에 들어 있는 설명 파일을 읽는 중: { $total } 중 { $read }
audit-progress-analysing = 사진과 동영상 { $total }개 중 { $done }개 점검함
audit-progress-grouping = 얼굴을 사람별로 묶고 있어요…
gui-audit-stop = 중지
gui-audit-stopped = 점검을 중지했어요. 점검한 내용은 남기지 않았어요. 다시 시작할 수 있어요.
gui-audit-again = 다시 점검
gui-audit-error-not-zip = 읽을 수 있는 ZIP 파일이 아니에요(파일이 손상되었거나 다운로드가 덜 되었나요?)
gui-audit-error-too-many = 항목이 { $entries }개로, PhotoVeil이 읽는 최대 { $limit }개보다 많아요
gui-audit-error-worker = 작업이 예기치 않게 멈췄어요
gui-audit-error-no-data-folder = 이 사용자에게 이름을 보관할 데이터 폴더가 없어요
gui-audit-error-scratch = 임시 폴더({ $folder })를 쓸 수 없어요: { $why }
gui-audit-error-missing = 사진이 더 이상 내보내기 파일에 없어요
gui-audit-error-entry = 내보내기 파일에서 사진을 읽지 못했어요: { $why }
gui-audit-name-failed = 이름을 보관하지 못했어요: { $why }
gui-audit-replace-error = 보호한 사본을 만들지 못했어요: { $why }

# New formats (GIF, BMP, JPEG XL, JPEG 2000)
error-animation-too-large = 애니메이션이 너무 커서 안전하게 확인할 수 없습니다: { $frames }개 프레임({ $megapixels }메가픽셀)을 읽고 멈췄습니다
cli-clean-unchanged = 지울 것이 없어요: 사본은 원본과 한 바이트도 다르지 않아요

# What a face-swap tool takes from a photo (review)
gui-review-swap-crop = 얼굴 바꾸기 도구는 이 정사각형을 잘라 내어 사용해요.

# The summary after a batch of copies (clean, protect, the app's export)
cli-summary-title = 요약
cli-summary-written = 사본 { $count }개를 { $folder }에 저장했습니다.
cli-summary-none-written = 저장된 사본이 없습니다.
cli-summary-removed = 제거한 정보: { $list }
cli-summary-removed-kind = { $kind } { $count }개
cli-summary-removed-nothing = 제거할 것이 없었습니다: 사진에 숨은 정보가 없었습니다.
cli-summary-faces-verified = 얼굴 { $count }개를 보호하고 확인했습니다: 모의 업로드 뒤에 더 이상 인식되지 않습니다.
cli-summary-faces-blurred = 얼굴 { $count }개를 흐리게 처리했습니다.
cli-summary-faces-left = 얼굴 { $count }개는 그대로 두었습니다.
cli-summary-face-not-verified = { $file }, 얼굴 { $face }: 보호 강도를 '{ $level }'로 해도 여전히 인식됩니다. { $todo }
cli-summary-face-not-confirmed = { $file }, 얼굴 { $face }: 보호 강도를 '{ $level }'로 했지만 보호를 확인하지 못했어요 ({ $odds ->
    [most] 이런 얼굴은 대부분 더 이상 알아보지 못했지만 모두는 아니에요
   *[few] 이런 얼굴은 4개 중 약 1개만 더 이상 알아보지 못했어요
  }). { $todo }
cli-summary-face-not-measured = { $file }, 얼굴 { $face }: 확인하지 못했습니다(가장자리에 너무 가까움). { $todo }
cli-summary-face-side-view = { $file }, 얼굴 { $face }: 옆을 보고 있어서 그대로 두었습니다(보호는 앞을 보는 얼굴에만 효과가 있습니다). 이 사람을 알아보면 안 된다면 흐리게 처리하세요.
cli-summary-todo-blur = 이 얼굴을 흐리게 처리하거나, 사진을 올리지 마세요.
cli-summary-todo-stronger = 가장 강한 단계로 다시 보호하거나, 흐리게 처리하세요.
cli-summary-residual = 사본에 메타데이터 { $count }개가 남아 있었습니다
cli-summary-failed = 하지 못함: { $file }: { $why }

# Classroom mode (issue 24): full screen cards for a class, then the sample photos
gui-classroom-title = 수업 모드
gui-classroom-count = 카드 { $n } / { $total }
gui-classroom-previous = 이전
gui-classroom-next = 다음
gui-classroom-leave = 나가기 (Esc)
gui-classroom-keys = 화살표 키나 스페이스: 넘기기 · Esc: 나가기
gui-presenting-leave = 전체 화면 나가기 (Esc)
gui-classroom-intro-title = 올린 사진에 무슨 일이 생길 수 있을까요?
gui-classroom-intro-body = 인터넷에 올린 사진은 보는 사람 누구나 저장할 수 있어요. 어떤 사람들이 그런 사진으로 무엇을 하는지, 그리고 PhotoVeil이 무엇을 해 주는지 잠깐 알아봐요.
gui-classroom-collect-title = 한 사람의 사진을 모아요
gui-classroom-collect-body = 성착취 조직은 청소년의 사진을 찾아다녀요. 같은 사람의 사진을 여러 장 저장하고, 게시물과 글, 사진 자체에서 드러나는 이름, 학교, 사는 동네를 적어 둬요.
gui-classroom-fake-title = 가짜 사진을 만들어요
gui-classroom-fake-body = 얼굴 바꾸기 앱과 '옷 벗기기' 앱으로 그 얼굴을 가짜 성적인 사진에 넣고, 그 사진으로 망신을 주거나 협박해요. 사진은 가짜여도 피해는 진짜예요. 사진 속 사람의 잘못은 절대 아니에요. 이런 일이 생기면 믿을 수 있는 어른에게 말하고 신고하세요.
gui-classroom-scan-title = 검사: 사진이 무엇을 알려 주는지 보기
gui-classroom-scan-body = PhotoVeil은 사진이 무엇을 알려 주는지 보여 줘요. 어디서, 어떤 휴대폰으로, 언제 찍었는지, 그리고 얼굴 바꾸기 앱이 쓸 수 있을 만큼 또렷한 얼굴이 있는지요. 모든 것은 이 컴퓨터 안에만 있어요.
gui-classroom-clean-title = 정리: 숨은 정보 지우기
gui-classroom-clean-body = 사진에는 집이나 학교의 GPS 위치 같은 숨은 정보가 들어 있어요. 정리는 그런 정보를 뺀 사본을 만들어요. 사진은 그대로예요.
gui-classroom-protect-title = 보호: 기계가 알아보지 못하는 얼굴
gui-classroom-protect-body = 보호는 얼굴을 아주 조금 바꿔서, 얼굴 인식 프로그램과 얼굴 바꾸기 프로그램은 그 사람을 알아보지 못하지만 사람은 여전히 알아보게 해요. PhotoVeil은 업로드를 흉내 낸 뒤 얼굴마다 확인하고 결과를 알려 줘요. 악용을 더 어렵고 힘들게 만들 뿐, 완벽한 보장은 아니에요.
gui-classroom-blur-title = 흐리게: 어린아이의 얼굴에는
gui-classroom-blur-body = 어린아이의 얼굴이나 아무도 알아보면 안 되는 얼굴은 흐리게 하세요. 흐려진 얼굴은 얼굴 바꾸기 앱이 쓸 수 없어요.
gui-classroom-audit-title = 점검: 이미 올린 것 살펴보기
gui-classroom-audit-body = 인스타그램, 페이스북, 구글에서는 내 계정 자료를 내려받을 수 있어요. PhotoVeil은 그 자료를 이 컴퓨터에서 읽고, 가장 많은 것을 드러내는 게시물을 찾아 각각 어떻게 하면 좋을지 알려 줘요.
gui-classroom-try-title = 직접 해 봐요
gui-classroom-try-body = 예시 사진 몇 장을 함께 열어 봐요. 숨은 정보를 지어낸 공개 사진이라서 누구의 사진도 보여 주지 않아요.
gui-settings-classroom = 수업
gui-settings-classroom-toggle = 수업 모드 (F11)
gui-settings-classroom-explain = 전체 화면, 큰 글씨, 강한 대비로 올린 사진에 무슨 일이 생기는지 반 전체에게 설명하는 카드 몇 장을 보여 주고, 예시 사진으로 이어져요. 화살표 키나 스페이스로 넘기고 Esc로 나가요.

# After protection: what a face-swap tool takes from the safe copy after a simulated upload
gui-protect-swap-title = 얼굴 바꾸기 도구가 가져가는 것
gui-protect-swap-explain = 얼굴 바꾸기 도구가 잘라 내는 정사각형이에요. 원본에서 자른 것과, 업로드를 흉내 낸 뒤(소셜 네트워크처럼 작게 줄이고 압축한 뒤)의 안전한 사본에서 자른 것이에요. 확인 결과는 그 사본으로 잰 것이에요.
gui-protect-uploaded = 업로드된 안전한 사본
