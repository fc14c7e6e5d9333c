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
cli-scan-findings = { $count }개를 찾았어요
cli-report-written = 보고서를 저장했어요:
cli-report-failed = 보고서를 저장하지 못했어요:
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
    [0] 업로드한 것처럼 시험해 보니, 따로 준비한 검사용 인공지능이 보호막을 씌운 얼굴을 아직 알아봤어요.
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
